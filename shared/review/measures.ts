// Whether part 五 states any improvement measure (issue 19 §4, spec §6.2 W24): a plan (将、拟、
// 计划、下一步、力争), a clause that opens with what is to be done (加强……、完善……、一是建立……),
// or a rectification already made (已整改、已建立). Headings and the part's own name
// (（二）改进情况, 存在的主要问题及改进情况：) are labels, not measures; “有待加强”“不够完善” are
// problems; a measures heading followed by 无 states none.
import type { RuleExamples } from './rule-examples';

/** Lines that are only a label: （二）改进措施, 二、下一步工作打算：, 存在问题：. */
const LABEL_LINE = /^[ \u3000]*(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]?)?[ \u3000]*[\u4e00-\u9fa5]{0,16}[：:]?[ \u3000]*$/;
/** The part's own name and other labels inside a sentence: 存在的主要问题及改进情况：…. */
const LABELS = /存在的主要问题及改进(?:情况|措施)[：:]?|(?:改进|整改)(?:情况|措施)[：:]|下一步(?:工作)?(?:打算|计划|措施)[：:]/g;
/** A plan: the unit will do something (not 将 as 把 after a negation: 未将……纳入). */
const PLAN =
  /(?<![未没不尚])将(?=[^。；\n]{0,30}?(?:加强|强化|完善|健全|建立|推进|提升|提高|加大|规范|丰富|拓展|拓宽|优化|落实|做好|抓好|严格|坚持|注重|创新|深化|开展|组织|定期|及时|继续|进一步|持续|全面|着力|切实|重点|采取|整改|改进|制定|建设|探索|确保|力争|做到|实现|增加|扩大|充实|配备|纳入|督促|引导|利用|依托|通过|围绕|聚焦|针对|结合|按照|对照|把|以|从))|(?:拟|计划|下一步|今后|明年|下一年度|力争|争取|打算)(?![^。；\n]{0,2}(?:不足|不够|欠缺))|(?:月底|年底|季度末|年内)前/;
/** What is to be done, opening a clause: 加强培训，一是完善制度，（二）建立台账. */
const ACTION_START =
  /(?:^|[，,。；;：:\n]|[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])[ \u3000]*(?:要|需|应|须)?(?:进一步|持续|继续|全面|切实|着力|重点|积极|不断|认真|及时|定期|严格|大力|深入)?(?:加强|强化|完善|健全|建立|推进|提升|提高|加大|规范|丰富|拓展|拓宽|优化|落实|做好|抓好|坚持|注重|创新|深化|开展|组织|加快|增强|改进|整改|制定|建设|探索|确保|推动|督促|充实|配备|扩大|增加|实行|推行|畅通|压实|夯实|细化|严把|把好|树立|营造|统一|借助|配强|配齐|开设|开通|设立|增设|固定|采取|利用|依托|引导|邀请|编制|梳理|总结|发挥|明确|抓紧|用好|管好|做细|做实|补齐|推广|打造|构建)/g;
/** An adverb of intent opening a clause: 进一步梳理……, 切实……, 牢固树立…… (not 及时性). */
const INTENT_START =
  /(?:^|[，,。；;：:\n]|[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])[ \u3000]*(?:进一步|切实|着力|努力|全力|牢固|大力|不断|持续|继续|扎实|认真|及时(?!性))[\u4e00-\u9fa5]/;
/** Words right before such a verb that make it a problem: 有待加强, 不够完善, 亟需提高. */
const PROBLEM_BEFORE = /(有待|不够|不足|尚未|未能|没有|仍需|还需|亟需|亟待|需要|需进一步|不到位|不断)[ \u3000]*$/;
/** A rectification already made: 已整改到位, 已建立台账. */
const DONE = /已(?:经)?(?:整改|解决|完成|落实|建立|制定|完善|健全|改进|纠正|更新|补充|修订|配备|开展|实现|规范)/;

/** The part's text with its labels taken out: lines that are only a heading, and the labels in sentences. */
function withoutLabels(text: string): string {
  return text
    .split('\n')
    .filter((line) => !LABEL_LINE.test(line))
    .join('\n')
    .replace(LABELS, '');
}

/** A heading or label for the measures (not the part's own name 存在的主要问题及改进情况). */
const MEASURE_LABEL =
  /(?<!问题及|问题和)(?:改进措施|整改措施|改进举措|改进情况|工作措施|努力方向|改进方向|工作打算|下一步(?:工作)?(?:打算|计划|措施|安排|思路))[ \u3000]*[：:]?/g;
/** What follows a label when nothing was done or planned: 无, 暂无. */
const NOTHING = /^[\s。；：:]*(?:无|暂无|没有|无。)?[\s。；]*$/;

/** Whether a measures label is followed by words of its own (not 无) before the next heading. */
function labelledMeasures(text: string): boolean {
  for (const m of text.matchAll(MEASURE_LABEL)) {
    let rest = text.slice(m.index + m[0].length);
    // Up to the next heading of the part: （三）…, 三、….
    const next = /\n[ \u3000]*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)/.exec(rest);
    if (next) rest = rest.slice(0, next.index);
    if (!NOTHING.test(rest) && (rest.match(/[\u4e00-\u9fa5]/g)?.length ?? 0) >= 6) return true;
  }
  return false;
}

/** Whether the text of part 五 states any improvement measure. */
export function statesMeasures(text: string): boolean {
  if (labelledMeasures(text)) return true;
  const body = withoutLabels(text);
  if (PLAN.test(body) || DONE.test(body) || INTENT_START.test(body)) return true;
  for (const m of body.matchAll(ACTION_START)) {
    // The words before the clause's verb, back to the clause start: not “有待”.
    if (!PROBLEM_BEFORE.test(body.slice(Math.max(0, m.index - 6), m.index + m[0].length - 2))) return true;
  }
  return false;
}

/** Wrong and right examples of review.problems' measures (the whole part 五), run by test/unit/review-examples-b.test.ts. */
export const MEASURES_EXAMPLES: RuleExamples = {
  rule: 'review.problems',
  wrong: [
    { section: 'problems', replace: true, text: '（一）存在的主要问题\n部分信息公开不及时、不规范，个别公示材料未作去标识化处理。\n（二）改进情况\n无。' },
    { section: 'problems', replace: true, text: '存在的主要问题及改进情况：信息公开意识有待增强，公开内容有待丰富，公开渠道有待拓宽。' },
    { section: 'problems', replace: true, text: '一是思想认识不到位；二是工作机制不够健全，未将政务公开纳入考核；三是基础设施薄弱，部分村公开栏破损。' },
  ],
  right: [
    { section: 'problems', replace: true, text: '（一）存在的主要问题\n政策解读形式单一。\n（二）改进措施\n2026年6月底前制作图解2期。' },
    { section: 'problems', replace: true, text: '问题：公开栏更新不及时。下一步，我镇将建立公开栏巡查台账，每月检查1次。' },
    { section: 'problems', replace: true, text: '一是政策解读偏少，全年仅3篇。二是加强解读，2026年每季度至少发布2篇。' },
    {
      section: 'problems',
      replace: true,
      text: '一是信息公开不够及时，全年5条超期。\n牢固树立服务意识，把信息公开作为长期任务抓紧抓好，每季度检查1次。',
    },
    {
      section: 'problems',
      replace: true,
      text: '一是公开内容不够及时，5条通知超期公开。二是队伍建设还需加强，仅有1名兼职人员。\n一是进一步梳理所掌握的政府信息，每月维护1次。二是及时总结好做法和新经验，每季度通报1次。',
    },
  ],
};
