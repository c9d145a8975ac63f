// The `nianbao` command line: validate, export, import, county (contract in ../shared/spec/keys-and-file.md).
// Each command lives in its own module; exit codes are the command's.
const [command, ...rest] = process.argv.slice(2);

const USAGE = `用法：
  nianbao validate FILE… [--previous FILE] [--json] [--strict]            校验报告文件（可传入文件夹）
  nianbao export FILE -o OUT.docx [--letterhead] [--sealed] [--duplex] [--draft]
                                                                          导出 Word 报告
  nianbao import IN.docx|IN.txt -o OUT.nianbao.json                       读取其他来源的报告
  nianbao county DIR… -o OUT.xlsx [--opinions DIR] [--strict]             县级审查：校验、比对、汇总各单位报告
  nianbao register 台账.xlsx|台账.csv --year 2025 [--json] [--into 报告 -o 输出]  从申请登记台账计算表三`;

async function main(): Promise<number> {
  switch (command) {
    case 'validate':
      return (await import('./validate')).runValidate(rest);
    case 'export':
      return (await import('./export')).runExport(rest);
    case 'import':
      return (await import('./import')).runImport(rest);
    case 'county':
      return (await import('./county')).runCounty(rest);
    case 'register':
      return (await import('./register')).runRegister(rest);
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE);
      return 0;
    default:
      console.error(command ? `未知命令：${command}\n${USAGE}` : USAGE);
      return 2;
  }
}

// Exit by setting the code, not process.exit(): output to a pipe is written asynchronously, and
// exiting at once would cut a long --json report short.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Only a message written for the user (Chinese) is shown as it is; never Node's English one.
    const message = err instanceof Error ? err.message : String(err);
    console.error(
      /[\u4e00-\u9fff]/.test(message)
        ? `出错了：${message}`
        : '出错了：处理时发生了意外错误，没有完成。请确认给出的是完整的报告文件；如果反复出现，请把这个文件发给技术支持。',
    );
    process.exitCode = 2;
  },
);
