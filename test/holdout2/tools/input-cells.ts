// Prints the input cell keys of both gov formats, in table order, as JSON (used by make-clean.py).
import { formatModel } from '../../../shared/formats/index';

const out: Record<string, string[]> = {};
for (const id of ['gov-2019', 'gov-2021'] as const) out[id] = formatModel(id).inputs.map((c) => c.key);
console.log(JSON.stringify(out));
