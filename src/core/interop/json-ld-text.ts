/**
 * JSON-LD as text that is safe to paste into `<script type="application/ld+json">`: every `<`
 * is written as `\u003c`, so no value (a note holding `</script>`, say) can end the element.
 * JSON parsers read `\u003c` back as `<`, so the data is unchanged.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value, null, 2).replaceAll('<', '\\u003c');
}
