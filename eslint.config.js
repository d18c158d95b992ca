// @ts-check
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import direction, as a lint error: core <- dom/api/store <- components <- app.
 * Each layer lists the layers (and packages) it must not import.
 */
const layers = {
  core: {
    folders: ['dom', 'api', 'store', 'components', 'app'],
    packages: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@tanstack/*'],
  },
  dom: { folders: ['api', 'store', 'components', 'app'], packages: ['zustand', '@tanstack/*'] },
  api: { folders: ['dom', 'store', 'components', 'app'], packages: [] },
  store: { folders: ['dom', 'api', 'components', 'app'], packages: [] },
  components: { folders: ['app'], packages: [] },
  app: { folders: [], packages: [] },
};

const layerRules = Object.entries(layers).map(([layer, { folders, packages }]) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  ignores: ['**/*.test.{ts,tsx}', '**/test-fixtures/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...folders.map((folder) => ({
            group: [`**/${folder}/*`, `../${folder}`, `./${folder}/*`],
            message: `src/${layer} must not import from src/${folder}: dependencies point core <- dom/api/store <- components <- app.`,
          })),
          ...(packages.length
            ? [
                {
                  group: packages,
                  message: `src/${layer} must stay free of ${packages.join(', ')}.`,
                },
              ]
            : []),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-prerender',
      'node_modules',
      'test-results',
      'playwright-report',
      '.bench-cache',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': true, 'ts-ignore': true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text, never markup.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Render text, never markup.',
        },
        {
          selector: "CallExpression[callee.property.name='waitForTimeout']",
          message: 'No sleeps in tests: wait for what the user sees instead.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
  },
  ...layerRules,
);
