// STUB: the `nianbao export` command (replaced by its issue's work).
export async function runExport(_args: string[]): Promise<number> {
  console.error('nianbao export 尚未实现');
  return 2;
}
