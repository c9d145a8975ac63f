// Prints the input cell keys of both gov formats as JSON (used by make_clean.py).
import { formatModel } from '../../../shared/formats';

const out: Record<string, string[]> = {};
for (const id of ['gov-2019', 'gov-2021'] as const) out[id] = formatModel(id).inputs.map((c) => c.key);
process.stdout.write(JSON.stringify(out));
