// Reading an import file: its JSON, and where the annotations sit in it (a collection, a page,
// a list, a Hypothesis search result or one annotation), with safe access to untrusted objects.

/** A JSON object from an import file: read its fields only through `field`. */
export type JsonObject = Record<string, unknown>;

/** Whether a JSON value is an object (not null, not a list). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One or many: a JSON-LD value may be a single item or an array of them. */
export function many(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** An own field of `object` (never one inherited from Object.prototype). */
export function field(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** An own field of `object` when it is a string. */
export function stringField(object: JsonObject, key: string): string | undefined {
  const value = field(object, key);
  return typeof value === 'string' ? value : undefined;
}

/** The `type` (or `@type`) names of a JSON-LD object. */
export function typesOf(object: JsonObject): string[] {
  return many(field(object, 'type') ?? field(object, '@type')).filter(
    (t): t is string => typeof t === 'string',
  );
}

/** UTF-8 length of a string, stopping early once past `limit`. */
export function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** A parsed JSON document, or why the text is not one. */
export type ParseOutcome = { ok: true; value: unknown } | { ok: false; error: string };

/** Parses an import file's text; `__proto__` keys are dropped so no prototype can be reached. */
export function parseJson(input: string): ParseOutcome {
  if (input.trim() === '') return { ok: false, error: 'The file is empty.' };
  try {
    const value: unknown = JSON.parse(input, (key, item: unknown) =>
      key === '__proto__' ? undefined : item,
    );
    return { ok: true, value };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The file is not valid JSON (${detail}).` };
  }
}

/** The annotations in any accepted shape, or why the document is not one. */
export function annotationsIn(
  document: unknown,
): { ok: true; items: unknown[] } | { ok: false; error: string } {
  if (Array.isArray(document)) return { ok: true, items: document };
  if (!isObject(document)) {
    return {
      ok: false,
      error: 'The file holds no Web Annotations (expected an object or a list).',
    };
  }
  const types = typesOf(document);
  const first = field(document, 'first');
  if (types.includes('AnnotationCollection') || first !== undefined) {
    if (isObject(first) && Array.isArray(field(first, 'items'))) {
      return { ok: true, items: field(first, 'items') as unknown[] };
    }
    if (Array.isArray(field(document, 'items'))) {
      return { ok: true, items: field(document, 'items') as unknown[] };
    }
    if (first === undefined && field(document, 'total') === 0) return { ok: true, items: [] };
    return {
      ok: false,
      error:
        'The collection does not embed its annotations (its first page must be included in the file).',
    };
  }
  // An AnnotationPage, or a Hypothesis API search result ({ total, rows }).
  for (const key of ['items', 'rows']) {
    const list = field(document, key);
    if (Array.isArray(list)) return { ok: true, items: list };
  }
  if (field(document, 'target') !== undefined || types.includes('Annotation')) {
    return { ok: true, items: [document] };
  }
  return {
    ok: false,
    error: 'The file holds no Web Annotations (no annotation or collection found).',
  };
}

/** Lower-cased host without `www.`, plus path without trailing slashes; query and hash dropped. */
export function comparableUrl(url: string): string {
  const withoutScheme = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const withoutExtras = withoutScheme.replace(/[?#].*$/s, '');
  const slash = withoutExtras.indexOf('/');
  const host = (slash === -1 ? withoutExtras : withoutExtras.slice(0, slash))
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/:(80|443)$/, '');
  const path = slash === -1 ? '' : withoutExtras.slice(slash).replace(/\/+$/, '');
  return host + path;
}
