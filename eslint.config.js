import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;

/**
 * The stages under src/, lowest first; stages on one line are peers (README "Layout"). A stage
 * imports only from stages on earlier lines, and only through their index.ts.
 */
const LAYERS = [
  ['model'],
  ['text', 'sources', 'eval'],
  ['lexicon', 'store'],
  ['actors', 'analysis'],
  ['coding'],
  ['archive'],
  ['queue'],
  ['serve'],
  ['cli'],
];

const rank = new Map(LAYERS.flatMap((stages, i) => stages.map((s) => [s, i])));

// A new stage folder outside LAYERS would be bound by nothing; say so instead of passing silently.
for (const entry of readdirSync(join(ROOT, 'src'), { withFileTypes: true })) {
  if (entry.isDirectory() && !rank.has(entry.name)) {
    throw new Error(`eslint.config.js: src/${entry.name}/ is in no layer; add it to LAYERS where it belongs`);
  }
}

/** One no-restricted-paths zone per ordered pair of stages, each with a message naming the rule. */
function layeringZones() {
  const zones = [];
  for (const [target, t] of rank) {
    for (const [from, f] of rank) {
      if (from === target) continue;
      zones.push(f >= t
        ? { target: `src/${target}`, from: `src/${from}`,
            message: `${target}/ may not import from ${from}/: a stage imports only lower stages (layering, README "Layout").` }
        : { target: `src/${target}`, from: `src/${from}`, except: ['./index.ts'],
            message: `${target}/ may import from ${from}/ only through ${from}/index.ts: a stage's one public entry (layering, README "Layout").` });
    }
  }
  return zones;
}

export default tseslint.config(
  // The lint fixtures are linted by test/lint.test.ts as if they sat in src/; where they lie,
  // their imports resolve to nothing.
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: layeringZones() }],
    },
  },
  {
    // The test reporter is loaded before any TypeScript loader, so it is plain JavaScript for Node.
    files: ['test/**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // The dashboard: plain JavaScript modules in the browser, type-checked by tsconfig.web.json.
    files: ['web/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
