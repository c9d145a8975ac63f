// STUB: the `nianbao validate` command (replaced by its issue's work).
export async function runValidate(_args: string[]): Promise<number> {
  console.error('nianbao validate 尚未实现');
  return 2;
}
