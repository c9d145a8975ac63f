#!/usr/bin/env node
// The `nianbao` command (npx nianbao …). The code is built into dist/ by `npm install`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('nianbao 尚未构建：请在项目目录运行 npm install（或 npm run build）后再试。');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
