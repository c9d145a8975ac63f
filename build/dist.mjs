// `npm run dist`: the installers, built by electron-builder on a machine with internet. Signing is a
// configured step: electron-builder signs the Windows installer when CSC_LINK (or WIN_CSC_LINK) names
// the certificate (.pfx path or base64) and CSC_KEY_PASSWORD its password, both from the
// environment, never from the repository. Without them it says so before building.
import { spawnSync } from 'node:child_process';

const signing = Boolean(process.env.WIN_CSC_LINK || process.env.CSC_LINK);
if (!signing) {
  console.warn(
    '注意：没有配置代码签名证书（环境变量 CSC_LINK / WIN_CSC_LINK 与 CSC_KEY_PASSWORD），Windows 安装包将不签名；' +
      '安装时会出现「Windows 已保护你的电脑」，需点「更多信息」→「仍要运行」（见 README「制作安装包」）。',
  );
}
const args = ['--config', 'build/electron-builder.json', ...process.argv.slice(2)];
const run = spawnSync('electron-builder', args, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
