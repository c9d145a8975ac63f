// `nianbao import` reads its arguments with node:util parseArgs: every usage error has its own
// Chinese message (the command's exit codes are tested in test/integration/cli-import.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImportArgs } from '../../electron/core/cli/import';

test('import arguments: -o / --output / --output=, one input, Chinese messages for the rest', () => {
  assert.deepEqual(parseImportArgs(['a.docx', '-o', 'b.nianbao.json']), { input: 'a.docx', output: 'b.nianbao.json' });
  assert.deepEqual(parseImportArgs(['--output=b.nianbao.json', 'a.docx']), { input: 'a.docx', output: 'b.nianbao.json' });
  assert.deepEqual(parseImportArgs(['--output', 'b.json', '报告.txt']), { input: '报告.txt', output: 'b.json' });
  assert.match((parseImportArgs(['a.docx', '-o']) as { error: string }).error, /-o 后面要写输出文件名/);
  assert.match((parseImportArgs(['a.docx', '--strict', '-o', 'b']) as { error: string }).error, /不认识的选项：--strict/);
  assert.match((parseImportArgs(['a.docx', 'c.docx', '-o', 'b']) as { error: string }).error, /一次只能导入一个文件（多了“c.docx”）/);
  assert.match((parseImportArgs(['-o', 'b']) as { error: string }).error, /缺少要导入的文件/);
  assert.match((parseImportArgs(['a.docx']) as { error: string }).error, /缺少输出文件/);
});
