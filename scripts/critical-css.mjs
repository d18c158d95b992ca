// The page's critical CSS, for scripts/prerender.mjs: the app's built stylesheet less every rule
// that names a class the pre-rendered page does not use. Tailwind writes one rule per utility, so
// what is left is the few rules the page's first paint needs; the page inlines them and loads
// the whole stylesheet without holding back its first paint. Knows just enough CSS for
// Tailwind's minified output: rules, at-rules with and without blocks, strings and escapes.

/** The end of the string or block starting at `from` (a quote or `{`), just past it. */
function skipString(css, from) {
  const quote = css[from];
  let i = from + 1;
  while (i < css.length && css[i] !== quote) i += css[i] === '\\' ? 2 : 1;
  return i + 1;
}

/**
 * The top-level items of `css`: `{ head, body }` for a rule or an at-rule with a block (body the
 * text inside its braces), `{ head, body: null }` for a statement such as `@layer a,b;`.
 */
function parseItems(css) {
  const items = [];
  let i = 0;
  let start = 0;
  let depth = 0;
  let head = '';
  while (i < css.length) {
    const c = css[i];
    if (c === '"' || c === "'") {
      i = skipString(css, i);
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '{') {
      if (depth === 0) {
        head = css.slice(start, i).trim();
        start = i + 1;
      }
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) {
        items.push({ head, body: css.slice(start, i) });
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) {
      const statement = css.slice(start, i).trim();
      if (statement) items.push({ head: statement, body: null });
      start = i + 1;
    }
    i++;
  }
  return items;
}

// At-rules whose blocks hold rules (the others, such as @property and @keyframes, are kept whole).
const GROUPING = /^@(layer|media|supports|container|scope|starting-style)\b/;

/** The classes a selector list names, per selector (escapes such as `\:` undone). */
function classesPerSelector(selectorList) {
  // Splitting at top-level commas only: `:is(a, b)` is one selector.
  const selectors = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < selectorList.length; i++) {
    const c = selectorList[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      selectors.push(selectorList.slice(from, i));
      from = i + 1;
    }
  }
  selectors.push(selectorList.slice(from));
  return selectors.map((selector) =>
    [...selector.matchAll(/\.((?:\\.|[\w-])+)/g)].map((m) => m[1].replace(/\\(.)/g, '$1')),
  );
}

function filterItems(css, used) {
  let out = '';
  for (const { head, body } of parseItems(css)) {
    if (body === null) {
      out += `${head};`;
    } else if (head.startsWith('@')) {
      if (!GROUPING.test(head)) {
        out += `${head}{${body}}`;
        continue;
      }
      const inner = filterItems(body, used);
      // An empty `@layer name{}` still fixes the layer's place in the order; keep it.
      if (inner || head.startsWith('@layer')) out += `${head}{${inner}}`;
    } else if (
      // A rule stays when one of its selectors names only classes the page uses.
      classesPerSelector(head).some((classes) => classes.every((name) => used.has(name)))
    ) {
      // A rule's body may nest rules (`&:hover{…}`); those are kept with it.
      out += `${head}{${body}}`;
    }
  }
  return out;
}

/** The class names used in `html`'s class attributes. */
export function classesInHtml(html) {
  const used = new Set();
  for (const match of html.matchAll(/\sclass="([^"]*)"/g)) {
    for (const name of match[1].split(/\s+/)) {
      if (name) used.add(name.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
    }
  }
  return used;
}

/** `css` without its comments (those in strings stay). */
function withoutComments(css) {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const c = css[i];
    if (c === '"' || c === "'") {
      const end = skipString(css, i);
      out += css.slice(i, end);
      i = end;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** `css` less its rules that name a class not in `used`, and less its comments. */
export function criticalCss(css, used) {
  return filterItems(withoutComments(css), used);
}
