// What the window shows when its page process dies or the page fails to load, instead of a white
// window: a static Chinese page from app:// that says the data is safe and offers 重新加载 (a plain
// link to the app's entry, so the page needs no script).
export const ERROR_PAGE_PATH = '/__error.html';

export const ERROR_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function errorPageHtml(entryUrl: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>年报编制助手</title>
<style>body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:15vh auto;max-width:36em;padding:0 2em;color:#222;line-height:1.8}
a.button{display:inline-block;margin-top:1em;padding:.5em 1.5em;background:#1565c0;color:#fff;border-radius:4px;text-decoration:none}</style></head>
<body><h1>页面出了问题</h1>
<p>程序的页面意外停止了。已经保存的报告都在本机数据库中，不会丢失；“已保存”之后输入的内容也会在重新打开时找回。</p>
<p>请点下面的按钮重新加载。如果反复出现，请在「数据备份」中导出诊断信息，发给县里的信息化人员。</p>
<a class="button" href="${entryUrl}">重新加载</a>
</body></html>`;
}
