/** A quote flattened to one line and cut to `max` characters with an ellipsis, for lists and toasts. */
export function quotePreview(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
