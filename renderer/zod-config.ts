// Imported first by main.tsx: zod probes `new Function` for speed, which the page's CSP (no eval)
// reports as a violation; jitless mode skips the probe. Must run before any schema is used.
import { config } from 'zod';

config({ jitless: true });
