import { readFileSync } from 'node:fs';
import { launchBrowser } from './support/browser';
const [inp, out] = process.argv.slice(2);
const b = await launchBrowser();
const p = await b.newPage();
await p.setContent(readFileSync(inp, 'utf8'));
await p.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
await b.close();
