// STUB: the `nianbao import` command (replaced by its issue's work).
export async function runImport(_args: string[]): Promise<number> {
  console.error('nianbao import 尚未实现');
  return 2;
}
