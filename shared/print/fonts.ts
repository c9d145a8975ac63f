// The 公文 fonts the report names, and what a PC without them shows instead. 仿宋_GB2312,
// 楷体_GB2312 and 方正小标宋简体 are on most government PCs but not on a stock Windows 10/11, and a
// .docx does not embed them: the font table names each with a Windows font of the same design
// (GB/T 9704's notes allow 仿宋 for 仿宋_GB2312, 楷体 for 楷体_GB2312, 华文中宋/宋体 for 小标宋),
// and the 导出 step checks which ones this PC has. Pure TypeScript: no Node, no DOM.
import { FONT } from './page-layout';

export interface OfficialFont {
  /** the name the .docx uses */
  name: string;
  /** what it sets, for the message */
  use: string;
  /** the Windows font Word and WPS take instead (w:altName), and its family name in CSS */
  fallback: string;
  fallbackCss: string;
  /** PANOSE-1 classification (w:panose1): lets Word pick a font of the same kind */
  panose: string;
  pitch: 'fixed' | 'variable';
  /** the family in the font table */
  family: 'modern' | 'roman' | 'swiss';
}

/** The four fonts of the printed report (std §5.2.2, §7.3.1, §7.3.3). */
export const OFFICIAL_FONTS: readonly OfficialFont[] = [
  { name: FONT.body, use: '正文、署名和日期', fallback: '仿宋', fallbackCss: 'FangSong', panose: '02010609030101010101', pitch: 'fixed', family: 'modern' },
  { name: FONT.heading2, use: '二级标题', fallback: '楷体', fallbackCss: 'KaiTi', panose: '02010609030101010101', pitch: 'fixed', family: 'modern' },
  {
    name: FONT.title,
    use: '标题和发文机关标志',
    fallback: '华文中宋',
    fallbackCss: 'STZhongsong',
    panose: '02000000000000000000',
    pitch: 'variable',
    family: 'roman',
  },
  { name: FONT.heading1, use: '一级标题', fallback: 'SimHei', fallbackCss: 'SimHei', panose: '02010609060101010101', pitch: 'fixed', family: 'modern' },
];

/** The other fonts the file names: 宋体 for tables and page numbers, Times New Roman for digits. */
export const OTHER_FONTS: readonly OfficialFont[] = [
  { name: FONT.pageNumber, use: '表格和页码', fallback: 'SimSun', fallbackCss: 'SimSun', panose: '02010600030101010101', pitch: 'variable', family: 'modern' },
];

/** Names a font goes by on Windows, macOS and Linux (local font lists give the English family). */
export const FONT_ALIASES: Record<string, readonly string[]> = {
  [FONT.body]: [FONT.body, 'FangSong_GB2312'],
  [FONT.heading2]: [FONT.heading2, 'KaiTi_GB2312'],
  [FONT.title]: [FONT.title, 'FZXiaoBiaoSong-B05S', 'FZXBSJW--GB1-0', '方正小标宋_GBK'],
  [FONT.heading1]: [FONT.heading1, 'SimHei'],
};

/** How the 导出 step checked: the desktop's local font list, or a measured fallback in a browser. */
export type FontCheckMethod = 'local-fonts' | 'measured';

export interface FontCheck {
  method: FontCheckMethod;
  /** the official fonts this PC lacks, by their .docx names */
  missing: string[];
}

/**
 * What the clerk reads about the check: which fonts are missing, what Word will use instead, and
 * that the printed page will differ (or that all four are there).
 */
export function fontCheckMessage(check: FontCheck): string {
  if (check.missing.length === 0) return `本机已安装${OFFICIAL_FONTS.map((f) => f.name).join('、')}四种公文字体，打印效果与标准一致。`;
  const parts = check.missing.map((name) => {
    const f = OFFICIAL_FONTS.find((x) => x.name === name);
    return f ? `${f.name}（${f.use}）将改用${f.fallback === 'SimHei' ? '黑体' : f.fallback}` : name;
  });
  return (
    `本机缺少${check.missing.length}种公文字体：${parts.join('；')}。` +
    '在本机用 Word 或 WPS 打开、打印时，字形会与标准公文不同，行末换行也可能不同。' +
    '请安装缺少的字体后再打印正式文件，或把导出的文件拿到装有公文字体的电脑上打印。'
  );
}
