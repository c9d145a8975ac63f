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
