// Lint: typescript-eslint's recommended rules plus the import boundaries the architecture depends on
// (shared/ runs anywhere, electron/core is plain Node, the renderer is a page). `npm test` runs it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'zlib',
  'stream',
  'worker_threads',
];
const nodeImports = { group: NODE_BUILTINS, message: 'Node 模块只能在 electron/ 与 test/ 中使用。' };
const electronImport = { group: ['electron', 'electron/*'], message: "只有 electron/shell 可以引入 'electron'。" };
const nativeImports = { group: ['better-sqlite3', 'docx', 'exceljs', 'fflate'], message: '数据库与文件格式库只在 electron/core 中使用。' };
const rendererImports = { group: ['**/renderer/**', 'react', 'react-dom', '@mui/*', '@emotion/*'], message: '界面代码只在 renderer/ 中使用。' };
const sideImports = { group: ['**/electron/**'], message: '界面与共享代码不能引入 electron/ 下的模块，请通过 API。' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-artifacts/**', '.tmp/**', '**/*.tsbuildinfo'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      // full-width spaces (U+3000) are part of official layouts such as 「年　月　日」
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipJSXText: true, skipComments: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeImports, electronImport, nativeImports, rendererImports, sideImports] }] },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: [electronImport, rendererImports] }] },
  },
  {
    files: ['electron/shell/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: [rendererImports] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeImports, electronImport, nativeImports, sideImports] }] },
  },
  {
    files: ['test/**/*.ts', 'build/**/*.{js,mjs,ts}', 'bin/**/*.mjs', 'renderer/vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
    // tests stand in for Electron's module with loosely typed objects
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
