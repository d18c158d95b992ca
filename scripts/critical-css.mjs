// The page's critical CSS, for scripts/prerender.mjs: the app's built stylesheet less every rule
// that names a class the pre-rendered page does not use. Tailwind writes one rule per utility, so
// what is left is the few rules the page's first paint needs; the page inlines them and loads
// the whole stylesheet without holding back its first paint. The CSS is read and written by
// postcss (already Vite's), so strings, escapes, nesting and at-rules are its business.
import postcss from 'postcss';

// At-rules whose blocks hold rules that may be dropped (the others, such as @property and
// @keyframes, are kept whole).
const GROUPING = /^(layer|media|supports|container|scope|starting-style)$/;

/** The classes a selector names (escapes such as `\:` undone). */
function classesOf(selector) {
  return [...selector.matchAll(/\.((?:\\.|[\w-])+)/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
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

/** `css` less its rules that name a class not in `used`, and less its comments. */
export function criticalCss(css, used) {
  const root = postcss.parse(css);
  root.walkComments((comment) => comment.remove());
  root.walkRules((rule) => {
    const parent = rule.parent;
    // A nested rule (`&:hover{…}`) goes with its parent; keyframes' steps are not selectors.
    if (parent?.type === 'rule') return;
    if (parent?.type === 'atrule' && !GROUPING.test(parent.name)) return;
    // A rule stays when one of its selectors names only classes the page uses.
    if (!rule.selectors.some((selector) => classesOf(selector).every((name) => used.has(name)))) {
      rule.remove();
    }
  });
  // Groups left empty go, except a layer's: an empty `@layer name{}` still fixes its place.
  root.walkAtRules((atRule) => {
    if (atRule.name !== 'layer' && GROUPING.test(atRule.name) && atRule.nodes?.length === 0) {
      atRule.remove();
    }
  });
  return root.toString();
}
