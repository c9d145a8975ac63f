// The wrong kind of body (issue 19 §4, spec §6.2 W5): a 乡镇 or 街道 report speaking as a 局 or a
// 委 (我局, 本部门, 局党组: copied from a county department's report), a 街道 report speaking as a
// 镇 (我镇, 镇政府) and a 镇 report as a 街道 (我街道) or a 乡 (我乡); another 乡镇 named as the
// author in its full or ethnic form (石门土家族乡人民政府, 团结蒙古族自治乡) or as 城关镇, which
// the facts' named towns (review.unit_name) leave out.
import type { Finding, ReportDoc } from '../report';
import type { Mark, SourceFacts } from './facts';
import { factsOf, memo } from './facts';
import { ownNames, type OwnNames } from './identity';
import type { RuleExamples } from './rule-examples';
import type { TextSource } from './text';
import { excerpt, textFinding } from './text';

/** 我局、本局、我委、本部门、我办: a department's words for itself. */
const DEPARTMENT_SELF = /(?<![自基根成资样文版课剧账书脚原日忘])([我本])(局|委|部门|厅|办)(?![理结事公托员会屈婉派任法好])/g;
/** 局党组、局机关、局领导 opening a clause: the department's own bodies. */
const DEPARTMENT_BODY = /(?:^|[，。；：！？\n、]|[一二三四五六七八九十]是)[ \u3000]*(局党组|局机关|局领导班子|局领导|局属各|委机关)/g;

/** 我镇/本镇, 我乡/本乡, 我街道/本街道 (not 本乡本土, 我乡镇, 乡村). */
const SELF_PLACE = /(?<![自基根成资样文版课剧账书脚原日])([我本])(街道|镇|乡)(?![镇村土亲间里野愁下级街])/g;
/** 党委、镇政府 / 党工委、乡人民政府: the organs of a 镇 or 乡 named beside the party committee. */
const PLACE_ORGAN = /(?:党委|党工委)[、和及与][ \u3000]*(镇|乡)(?:人民)?政府/g;

/**
 * A 乡 or 镇 named in its ethnic form (石门土家族乡, 团结蒙古族自治乡) or 城关镇, with an organ or
 * an author's words after it.
 */
const NAMED_PLACE =
  /(?<=^|[，。；：、！？\s（）()“”"]|[市县区旗年度由经将])([\u4e00-\u9fa5]{1,4}?[\u4e00-\u9fa5]{1,3}族(?:自治)?(?:乡|镇)|城关镇)(人民政府|政府|党委|办事处|[ \u3000]*(?:19|20)\d{2}[ \u3000]*年|高度重视|认真|全面|坚持|积极|严格|按照|围绕|在|始终|扎实|切实|深入|不断|持续|着力|落实|主动|依托|通过|收到|受理|共|全年|本年度|今年)/g;

/** 现将龙泉镇2025年……报告如下: the report presented in another town's name. */
const PRESENTED_AS =
  /现将[ \u3000]*((?:[\u4e00-\u9fa5]{1,5}?[市县区旗])?[\u4e00-\u9fa5]{2,8}?(?:镇|乡|街道))(?:人民政府|政府|办事处|党委)?[ \u3000]*(?:19|20)\d{2}[ \u3000]*年/g;

type Kind = 'township' | 'subdistrict';

/** What a 乡镇 or 街道 calls itself: 我镇, 我乡, 我街道 ('' when the name does not say). */
function selfWord(kind: Kind, own: OwnNames): string {
  if (kind === 'subdistrict') return '我街道';
  if (own.core.endsWith('乡')) return '我乡';
  if (own.core.endsWith('镇')) return '我镇';
  return '';
}

/** The name without an ethnic part (穆云畲族乡 → 穆云乡): a unit's short form. */
function plainName(name: string): string {
  return name.replace(/^.*[市县区旗]/, '').replace(/[\u4e00-\u9fa5]{1,3}族(自治)?(?=乡|镇$)/, '');
}

function isOwn(name: string, own: OwnNames): boolean {
  if (!own.core) return true;
  const a = plainName(name);
  const b = plainName(own.core);
  return a === b || own.core.endsWith(name) || name.endsWith(own.core) || a.endsWith(b) || b.endsWith(a);
}

function bodyMarks(facts: SourceFacts, kind: Kind, own: OwnNames): Mark[] {
  const text = facts.text;
  const out: Mark[] = [];
  const self = selfWord(kind, own);
  const selfSay = self ? `“${self}”` : '本机关的名称';
  const ownName = own.full || '本机关';
  if (/[局委部厅办]/.test(text)) {
    for (const m of text.matchAll(DEPARTMENT_SELF)) {
      // A 街道办事处 calls itself 我办 (办事处).
      if (m[2] === '办' && kind === 'subdistrict') continue;
      const start = m.index;
      const end = start + m[0].length;
      out.push({
        start,
        end,
        message: `中「${excerpt(text, start, end)}」的“${m[0]}”是政府部门的自称，而本报告是${ownName}的。这往往是照搬县直部门报告留下的，请改为${selfSay}，并核对这句话说的是否是本机关的情况。`,
        context: excerpt(text, start, end),
      });
    }
    for (const m of text.matchAll(DEPARTMENT_BODY)) {
      const start = m.index + m[0].length - m[1]!.length;
      const end = start + m[1]!.length;
      out.push({
        start,
        end,
        message: `中「${excerpt(text, start, end)}」的“${m[1]}”是政府部门的机构，而本报告是${ownName}的。这往往是照搬县直部门报告留下的，请改写为本机关的情况（如“镇党委”“镇政府”“各站所”）。`,
        context: excerpt(text, start, end),
      });
    }
  }
  for (const m of text.matchAll(SELF_PLACE)) {
    const word = m[2]!;
    const wrong = kind === 'subdistrict' ? word !== '街道' : word === '街道' || (self !== '' && `我${word}` !== self);
    if (!wrong) continue;
    const start = m.index;
    const end = start + m[0].length;
    out.push({
      start,
      end,
      message: `中「${excerpt(text, start, end)}」自称“${m[0]}”，而本报告是${ownName}的。这往往是照搬其他${word === '街道' ? '街道' : word === '镇' ? '镇' : '乡'}报告留下的，请改为${selfSay}，并核对这句话说的是否是本机关的情况。`,
      context: excerpt(text, start, end),
    });
  }
  if (kind === 'subdistrict') {
    for (const m of text.matchAll(PLACE_ORGAN)) {
      const start = m.index + m[0].indexOf(m[1]!);
      const end = m.index + m[0].length;
      out.push({
        start,
        end,
        message: `中「${excerpt(text, start, end)}」写的是“${text.slice(start, end)}”，而本报告是街道办事处（${ownName}）的。这往往是照搬镇（乡）报告留下的，请改为“办事处”，并核对这句话说的是否是本机关的情况。`,
        context: excerpt(text, start, end),
      });
    }
  }
  const named = [...text.matchAll(NAMED_PLACE)].map((m) => ({ name: m[1]!, start: m.index, presented: false }));
  if (text.includes('现将')) for (const m of text.matchAll(PRESENTED_AS)) named.push({ name: m[1]!, start: m.index + m[0].indexOf(m[1]!), presented: true });
  for (const { name, start, presented } of named) {
    const end = start + name.length;
    if (isOwn(name, own)) continue;
    // The named towns of the facts layer are review.unit_name's.
    if (facts.places.some((p) => p.start < end && start < p.end)) continue;
    // Partner or object, not the author: 与石门土家族乡、联合城关镇、赴城关镇.
    if (!presented && /(与|和|同|及|联合|会同|协助|赴|到|向|对|帮助|支持|前往|学习|借鉴|、)$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    out.push({
      start,
      end,
      message: `中「${excerpt(text, start, end)}」以“${name}”的名义叙述，而本报告是${ownName}的。这往往是照搬其他乡镇报告留下的，审核时会被认定为内容雷同。请改为${own.core ? `“${own.core}”或` : ''}${selfSay}，并核对这句话说的是否是本机关的情况。`,
      context: excerpt(text, start, end),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function checkBodyKind(doc: ReportDoc, sources: readonly TextSource[]): Finding[] {
  const kind = doc.unit.kind;
  if (kind !== 'township' && kind !== 'subdistrict') return [];
  const own = ownNames(doc.unit.name);
  const out: Finding[] = [];
  for (const src of sources) {
    if (src.section === 'title' || src.section === 'signature' || src.section === 'period') continue;
    const facts = factsOf(src.text);
    for (const m of memo(facts, `body-kind:${kind}:${own.full}`, () => bodyMarks(facts, kind, own)))
      out.push(textFinding('review.wrong_body', `${src.label}${m.message}`, src, m.start, m.end, m.context));
  }
  return out;
}

/** Wrong and right examples of the rule, run by test/unit/review-examples-b.test.ts. */
export const WRONG_BODY_EXAMPLES: RuleExamples = {
  rule: 'review.wrong_body',
  wrong: [
    '我局高度重视政府信息公开工作。',
    { section: 'problems', text: '本部门将进一步加强政务公开队伍建设。' },
    '局党组定期研究政务公开工作。',
    '我街道严格落实保密审查制度。',
    { unit: 'subdistrict', text: '我镇在便民服务中心设置了查阅点。' },
    { unit: 'subdistrict', text: '街道党工委、镇政府高度重视政府信息公开工作。' },
    '石门土家族乡人民政府认真落实上级政务公开工作要点。',
    '团结蒙古族自治乡人民政府全面落实政务公开各项工作要求。',
    '城关镇党委、政府高度重视政府信息公开工作。',
    '现将龙泉镇2025年政府信息公开工作情况报告如下。',
  ],
  right: [
    '我镇高度重视政府信息公开工作，由镇长任组长。',
    { unit: 'subdistrict', text: '我街道在便民服务中心设置了查阅点，本街道各社区均设公开栏。' },
    '按照县公安局要求开展宣传，基本局面保持稳定，我委托律师审查合同。',
    '与石门土家族乡联合开展政策宣讲。',
    { unit: 'subdistrict', text: '2024年我办严格按照《条例》要求公开机构设置、办事处和党工委职责等信息。' },
    '本乡镇各村均设立公开栏，推进乡村振兴。',
    '现将小陶镇2025年政府信息公开工作情况报告如下。',
  ],
};
