// Test-only: a small JSON Schema (draft-04/06 subset) validator, enough for the W3C Web
// Annotation schemas in ./w3c. No validator package is installed, and this one fails loudly on
// any keyword it does not implement rather than passing it silently.

/** A problem found: where in the value (a JSON pointer) and what is wrong. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

type SchemaObject = Readonly<Record<string, unknown>>;

// Keywords that only describe or organise a schema; `format` is deliberately not checked.
const NON_VALIDATING = new Set([
  '$schema',
  'id',
  '$id',
  'title',
  'description',
  'definitions',
  'default',
  'examples',
  '$comment',
  'format',
]);

const VALIDATING = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'patternProperties',
  'additionalProperties',
  'required',
  'dependencies',
  'minProperties',
  'maxProperties',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
]);

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeOf(value) === type;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
    );
  }
  return false;
}

function pointerPart(key: string | number): string {
  return `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** Follows a JSON pointer such as `/definitions/stringUri` inside a document. */
function follow(document: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return document;
  let node = document;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * Builds a checker over a set of schema documents keyed by file name (e.g. `id.json`), so that
 * `$ref`s within one file (`#/definitions/x`) and across files (`id.json#/definitions/x`) resolve.
 * The checker takes a reference such as `specificResource.json#/definitions/selectorDetected`
 * and a value, and returns every issue found (none when the value is valid).
 *
 * A `$ref` is applied together with its sibling keywords (the W3C schemas rely on this, e.g.
 * `{ "$ref": "…purposeRecognizedIfPresent", "required": ["purpose"] }`), which is stricter than
 * draft-04, where siblings of `$ref` are ignored. Unsupported keywords throw.
 */
export function createSchemaChecker(
  documents: ReadonlyMap<string, unknown>,
): (ref: string, value: unknown) => SchemaIssue[] {
  function resolve(ref: string, file: string): { schema: unknown; file: string } {
    const hash = ref.indexOf('#');
    const target = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    const targetFile = target === '' ? file : target;
    if (!documents.has(targetFile)) throw new Error(`Unknown schema file in $ref "${ref}"`);
    const schema = follow(documents.get(targetFile), pointer);
    if (schema === undefined) throw new Error(`Unresolvable $ref "${ref}" (from ${file})`);
    return { schema, file: targetFile };
  }

  function validate(schema: unknown, value: unknown, file: string, path: string): SchemaIssue[] {
    if (schema === true) return [];
    if (schema === false) return [{ path, message: 'no value is allowed here' }];
    if (!isObject(schema)) throw new Error(`Not a schema at ${path}: ${JSON.stringify(schema)}`);
    const issues: SchemaIssue[] = [];
    const fail = (message: string): void => {
      issues.push({ path, message });
    };
    for (const keyword of Object.keys(schema)) {
      if (!NON_VALIDATING.has(keyword) && !VALIDATING.has(keyword)) {
        throw new Error(`Unsupported JSON Schema keyword "${keyword}"`);
      }
    }
    const s = schema;

    if (typeof s.$ref === 'string') {
      const target = resolve(s.$ref, file);
      issues.push(...validate(target.schema, value, target.file, path));
    }

    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      if (!types.some((type) => typeof type === 'string' && hasType(value, type))) {
        fail(`expected type ${types.join(' or ')}, got ${typeOf(value)}`);
        // Every other keyword assumes the type, and would only add noise.
        return issues;
      }
    }
    if (Array.isArray(s.enum) && !s.enum.some((option) => deepEqual(option, value))) {
      fail(`expected one of ${JSON.stringify(s.enum)}, got ${JSON.stringify(value)}`);
    }
    if (Object.hasOwn(s, 'const') && !deepEqual(s.const, value)) {
      fail(`expected ${JSON.stringify(s.const)}`);
    }

    if (isObject(value)) {
      const keys = Object.keys(value);
      if (Array.isArray(s.required)) {
        for (const key of s.required) {
          if (typeof key === 'string' && !Object.hasOwn(value, key)) {
            fail(`missing required property "${key}"`);
          }
        }
      }
      if (typeof s.minProperties === 'number' && keys.length < s.minProperties) {
        fail(`expected at least ${s.minProperties} properties`);
      }
      if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) {
        fail(`expected at most ${s.maxProperties} properties`);
      }
      const properties = isObject(s.properties) ? s.properties : {};
      const patterns = isObject(s.patternProperties) ? Object.entries(s.patternProperties) : [];
      for (const key of keys) {
        let matched = false;
        if (Object.hasOwn(properties, key)) {
          matched = true;
          issues.push(...validate(properties[key], value[key], file, path + pointerPart(key)));
        }
        for (const [pattern, sub] of patterns) {
          if (new RegExp(pattern, 'u').test(key)) {
            matched = true;
            issues.push(...validate(sub, value[key], file, path + pointerPart(key)));
          }
        }
        if (!matched && s.additionalProperties !== undefined) {
          issues.push(
            ...validate(s.additionalProperties, value[key], file, path + pointerPart(key)),
          );
        }
      }
      if (isObject(s.dependencies)) {
        for (const [key, dependency] of Object.entries(s.dependencies)) {
          if (!Object.hasOwn(value, key)) continue;
          if (Array.isArray(dependency)) {
            for (const needed of dependency) {
              if (typeof needed === 'string' && !Object.hasOwn(value, needed)) {
                fail(`"${key}" requires "${needed}"`);
              }
            }
          } else {
            issues.push(...validate(dependency, value, file, path));
          }
        }
      }
    }

    if (Array.isArray(value)) {
      if (typeof s.minItems === 'number' && value.length < s.minItems) {
        fail(`expected at least ${s.minItems} items, got ${value.length}`);
      }
      if (typeof s.maxItems === 'number' && value.length > s.maxItems) {
        fail(`expected at most ${s.maxItems} items, got ${value.length}`);
      }
      if (s.uniqueItems === true) {
        const duplicate = value.some((item, i) =>
          value.slice(0, i).some((o) => deepEqual(o, item)),
        );
        if (duplicate) fail('expected unique items');
      }
      if (Array.isArray(s.items)) {
        const tuple = s.items;
        value.forEach((item, i) => {
          const sub = i < tuple.length ? tuple[i] : s.additionalItems;
          if (sub !== undefined) issues.push(...validate(sub, item, file, path + pointerPart(i)));
        });
      } else if (s.items !== undefined) {
        value.forEach((item, i) => {
          issues.push(...validate(s.items, item, file, path + pointerPart(i)));
        });
      }
    }

    if (typeof value === 'number') {
      // Draft-04 spells exclusive bounds as booleans beside minimum/maximum, draft-06 as numbers.
      if (typeof s.minimum === 'number') {
        const exclusive = s.exclusiveMinimum === true;
        if (exclusive ? value <= s.minimum : value < s.minimum) fail(`must be ≥ ${s.minimum}`);
      }
      if (typeof s.maximum === 'number') {
        const exclusive = s.exclusiveMaximum === true;
        if (exclusive ? value >= s.maximum : value > s.maximum) fail(`must be ≤ ${s.maximum}`);
      }
      if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) {
        fail(`must be > ${s.exclusiveMinimum}`);
      }
      if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) {
        fail(`must be < ${s.exclusiveMaximum}`);
      }
      if (typeof s.multipleOf === 'number' && !Number.isInteger(value / s.multipleOf)) {
        fail(`must be a multiple of ${s.multipleOf}`);
      }
    }

    if (typeof value === 'string') {
      const length = [...value].length;
      if (typeof s.minLength === 'number' && length < s.minLength) {
        fail(`must be at least ${s.minLength} characters`);
      }
      if (typeof s.maxLength === 'number' && length > s.maxLength) {
        fail(`must be at most ${s.maxLength} characters`);
      }
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) {
        fail(`must match /${s.pattern}/`);
      }
    }

    if (Array.isArray(s.allOf)) {
      for (const sub of s.allOf) issues.push(...validate(sub, value, file, path));
    }
    if (Array.isArray(s.anyOf)) {
      const results = s.anyOf.map((sub) => validate(sub, value, file, path));
      if (!results.some((r) => r.length === 0)) {
        fail(`matches none of anyOf: ${summarise(results)}`);
      }
    }
    if (Array.isArray(s.oneOf)) {
      const results = s.oneOf.map((sub) => validate(sub, value, file, path));
      const passed = results.filter((r) => r.length === 0).length;
      if (passed === 0) fail(`matches none of oneOf: ${summarise(results)}`);
      else if (passed > 1) fail(`matches ${passed} of oneOf, expected exactly 1`);
    }
    if (s.not !== undefined && validate(s.not, value, file, path).length === 0) {
      fail('matches a schema it must not match ("not")');
    }
    return issues;
  }

  return (ref, value) => {
    const { schema, file } = resolve(ref, ref.slice(0, Math.max(0, ref.indexOf('#'))));
    return validate(schema, value, file, '');
  };
}

function summarise(results: readonly SchemaIssue[][]): string {
  return results
    .map((r, i) => `[${i}] ${r.map((issue) => `${issue.path || '/'} ${issue.message}`).join('; ')}`)
    .join(' | ');
}
