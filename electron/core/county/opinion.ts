// 审查意见: the county's comments on one unit's report, as a Word document to send back. The
// layout follows the export's conventions (GB/T 9704: A4, 版心 156 × 225 mm, 22 lines of 28 字,
// 方正小标宋 title, 仿宋 body, 黑体 and 楷体 headings, page numbers “— n —”), in a small builder
// of its own so the report export can change without touching this.
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { IParagraphOptions, IRunOptions } from 'docx';
import { cellLabel, type CountyFinding, type CountyUnitRow } from '../../../shared/county/index';
import { acknowledgedText } from '../../../shared/severity';
import { formatLabelOf } from './labels';
import { expectedIsAFix } from '../../../shared/rules/registry';
import { officialPage } from '../export/docx-text';
import { chineseDate, defaultTitle, type ReportDoc } from '../../../shared/report';
import { CHAR_TWIPS, FONT, LINE_PITCH_TWIPS, PAGE, SIZE, TEXT_WIDTH_TWIPS, mmToTwips } from '../../../shared/print/page-layout';
import { titleLines } from '../../../shared/print/line-breaks';
import { widthInChars } from '../../../shared/print/page-layout';

export interface OpinionOptions {
  /** who signs the opinion, e.g. 清溪县人民政府办公室; blank: 县人民政府办公室 */
  issuer?: string;
  /** 成文日期, ISO yyyy-mm-dd; default today (local time) */
  date?: string;
  /** the unit's other files of the same year in the batch (sent twice): named, not reviewed */
  alsoSent?: string[];
}

/** Today as ISO yyyy-mm-dd in local time (the day the county signs). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const fonts = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' as const });
const exactLine = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function run(text: string, font: string = FONT.body, sizePt: number = SIZE.san, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: fonts(font), size: Math.round(sizePt * 2), sizeComplexScript: Math.round(sizePt * 2), ...extra });
}

function para(children: TextRun[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ children, alignment: AlignmentType.JUSTIFIED, spacing: exactLine, indent: { firstLine: 2 * CHAR_TWIPS }, ...extra });
}

const SECTION_TITLES: [CountyFinding['severity'], string, string][] = [
  ['error', '必须改正的错误', '以下问题不改正，报告不能发布。'],
  ['warning', '需要核实或修改的问题', '请逐条核实；确实无误的，请在重新报送时附上说明。'],
  ['info', '供参考的提示', '以下情况请结合本单位实际斟酌。'],
];

/** A letter has no marked cells: the message's “标出的格子” become the cells named below it. */
function letterMessage(f: CountyFinding): string {
  return f.cells.length ? f.message.replace(/标出的格子/g, '下列格子') : f.message;
}

function findingParagraphs(n: number, f: CountyFinding, formatId: string): Paragraph[] {
  const out = [para([run(`${n}. ${letterMessage(f)}`)])];
  if (f.cells.length && !f.location) out.push(para([run(`涉及的格子：${f.cells.map((c) => cellLabel(formatId, c)).join('、')}`, FONT.heading2)]));
  if (f.expected !== undefined && expectedIsAFix(f.rule)) {
    out.push(para([run(`应为：${String(f.expected)}${f.actual !== undefined ? `（现为 ${String(f.actual)}）` : ''}`, FONT.heading2)]));
  }
  if (f.location?.quote && f.rule !== 'county.copied_text') out.push(para([run(`原文：“${f.location.quote}”`, FONT.heading2)]));
  if (f.other) {
    out.push(para([run(`本报告原文：“${f.location?.quote ?? ''}”`, FONT.heading2)]));
    out.push(para([run(`${f.other.unitName}报告原文：“${f.other.quote}”`, FONT.heading2)]));
  }
  if (f.acknowledged) out.push(para([run(acknowledgedText(f.acknowledged.reason), FONT.heading2)]));
  return out;
}

/** 关于《…》的审查意见 in lines, 审查意见 never split; two 字 of slack for Word's wider Latin digits. */
function opinionTitleLines(reportTitle: string): string[] {
  const max = Math.floor(TEXT_WIDTH_TWIPS / (SIZE.er * 20)) - 2;
  const lines = titleLines(`关于${reportTitle}的`, max);
  const last = lines[lines.length - 1];
  if (widthInChars(last) + 4 <= max) lines[lines.length - 1] = `${last}审查意见`;
  else lines.push('审查意见');
  return lines;
}

/** The opinion for one unit's report, as .docx bytes. */
export async function buildOpinionDocx(row: CountyUnitRow, doc: ReportDoc, options: OpinionOptions = {}): Promise<Uint8Array> {
  const issuer = options.issuer?.trim() || '县人民政府办公室';
  const date = options.date ?? localToday();
  const reportTitle = doc.title.trim() || defaultTitle(doc.unit.name, doc.year);
  const title = `关于${reportTitle}的审查意见`;
  const body: Paragraph[] = [];
  body.push(
    new Paragraph({
      children: opinionTitleLines(reportTitle).map((l, i) => run(l, FONT.title, SIZE.er, i > 0 ? { break: 1 } : {})),
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH_TWIPS },
    }),
  );
  // 主送机关: 顶格, followed by a full-width colon (GB/T 9704 §7.3.2).
  body.push(new Paragraph({ children: [run(`${doc.unit.name}：`)], spacing: exactLine }));
  // Counted and listed from the same lists: open findings by severity, then what the clerk marked 已核实.
  const open = (severity: CountyFinding['severity']) => row.findings.filter((f) => f.severity === severity && !f.acknowledged);
  const acknowledged = row.findings.filter((f) => f.acknowledged);
  const sections = SECTION_TITLES.map(([severity, heading, lead]) => ({ heading, lead, list: open(severity) }));
  const [errors, warnings, infos] = sections.map((x) => x.list.length);
  const checked = acknowledged.length ? `；另有你单位已核实并写明理由的${acknowledged.length}处，单独列出` : '';
  const summary =
    errors + warnings + infos === 0
      ? `经审查，未发现需要修改的问题${checked}，可以按程序发布。`
      : `经审查，发现必须改正的错误${errors}处、需要核实的问题${warnings}处、供参考的提示${infos}处${checked}，具体如下。请修改后重新报送。`;
  body.push(para([run(`你单位报送的《${reportTitle}》（${formatLabelOf(doc.formatId)}，文件“${row.fileName}”）已收悉。${summary}`)]));
  if (options.alsoSent?.length)
    body.push(
      para([
        run(`你单位还报送了${options.alsoSent.map((n) => `“${n}”`).join('、')}，与本报告是同一年度的报告，只按本报告审查和汇总。如以那一份为准，请告知。`),
      ]),
    );
  let part = 0;
  const partHeading = (text: string) => body.push(para([run(`${'一二三四'[part++]}、${text}`, FONT.heading1)]));
  for (const { heading, lead, list } of sections) {
    if (list.length === 0) continue;
    partHeading(heading);
    body.push(para([run(lead)]));
    list.forEach((f, i) => body.push(...findingParagraphs(i + 1, f, doc.formatId)));
  }
  if (acknowledged.length) {
    partHeading('你单位已核实的问题');
    body.push(para([run('以下问题你单位已标记为已核实并写明了理由，请确认理由属实；不需要再次修改。')]));
    acknowledged.forEach((f, i) => body.push(...findingParagraphs(i + 1, f, doc.formatId)));
  }
  for (const p of row.problems) body.push(para([run(`另：读取报告时有内容未能识别：${p}`)]));
  body.push(new Paragraph({ children: [run('')], spacing: exactLine }));
  body.push(new Paragraph({ children: [run(issuer)], alignment: AlignmentType.RIGHT, spacing: exactLine, indent: { right: 4 * CHAR_TWIPS } }));
  body.push(new Paragraph({ children: [run(chineseDate(date))], alignment: AlignmentType.RIGHT, spacing: exactLine, indent: { right: 4 * CHAR_TWIPS } }));

  const pageNumber = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run('— ', FONT.pageNumber, SIZE.si),
          new TextRun({ children: [PageNumber.CURRENT], font: fonts(FONT.pageNumber), size: SIZE.si * 2 }),
          run(' —', FONT.pageNumber, SIZE.si),
        ],
      }),
    ],
  });
  const document = new Document({
    title,
    creator: '年报编制助手',
    styles: {
      default: {
        document: {
          run: { font: fonts(FONT.body), size: SIZE.san * 2, sizeComplexScript: SIZE.san * 2, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exactLine },
        },
      },
    },
    sections: [
      {
        properties: {
          page: officialPage(mmToTwips(PAGE.footerMm)),
          grid: { linePitch: LINE_PITCH_TWIPS },
        },
        footers: { default: pageNumber },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * A file name for the opinion: the unit and year, safe on Windows and macOS. `taken` holds the
 * names already used in the folder (compared without case): a second one gets （2）, never the same.
 */
export function opinionFileName(doc: ReportDoc, taken?: Set<string>): string {
  const base = `${doc.unit.name}${doc.year}年度报告审查意见`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  let name = `${base}.docx`;
  for (let n = 2; taken?.has(name.toLowerCase()); n++) name = `${base}（${n}）.docx`;
  taken?.add(name.toLowerCase());
  return name;
}
