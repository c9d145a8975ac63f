// A report's web page in the forms a clerk saves it: inside a county portal's page, and as the
// single-file .mht Chrome and Edge write. Used by the import and county tests.

/** The page as saved inside a county portal: navigation, 打印本页 关闭窗口, 字号, 发布时间. */
export function portalPage(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)![1];
  return html.replace(
    body,
    `<div class="nav">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div><div>发布时间：2026-01-21 来源：党政办</div>
<div>【字体：大 中 小】</div>${body}<div>【打印本页】【关闭窗口】</div><div>扫一扫在手机打开当前页</div>`,
  );
}

/** The page as Chrome and Edge save it (“网页，单个文件”): MIME, the HTML in quoted-printable. */
export function mht(html: string): Uint8Array {
  const qp = Buffer.from(html, 'utf8')
    .toString('latin1')
    .replace(/[=\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/(.{70})/g, '$1=\r\n');
  return Buffer.from(
    `From: <Saved by Blink>\r\nSubject: report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc----"\r\n\r\n------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: http://www.ya.gov.cn/report.html\r\n\r\n${qp}\r\n------MultipartBoundary--abc------\r\n`,
    'latin1',
  );
}
