// Word lists for reading place names (facts-names.ts), kept as data beside phrases.ts.

/**
 * Verbs and adverbs that end the words before a generic 镇/乡/街道 (完成镇政府信息公开指南的更新,
 * 规范乡政府信息公开栏目, 明确街道党政办公室负责……, 目前街道信息公开平台): no proper name ends so (issue 19 §3).
 */
export const NOT_PLACE_END: readonly string[] = [
  '确定',
  '规范',
  '管理',
  '完成',
  '明确',
  '编制',
  '充实',
  '调整',
  '更新',
  '健全',
  '修订',
  '制定',
  '印发',
  '设立',
  '设置',
  '优化',
  '提升',
  '做好',
  '抓好',
  '利用',
  '依托',
  '目前',
  '及时',
  '当前',
  '加快',
  '强化',
  '督促',
  '要求',
  '组织',
  '指导',
  '维护',
  '运营',
  '升级',
  '改版',
  '整合',
  '梳理',
  '清理',
  '编印',
  '汇编',
  '认定',
  '公布',
  '发布',
  '公开',
  '落实',
  '推动',
  '实行',
  '实施',
  '执行',
  '建立',
  '全面',
  '召集',
  '列入',
  '纳入',
  '成为',
  '担任',
  '作为',
  '召开',
  '印制',
  '制作',
  '安排',
  '新建',
  '建成',
  '打造',
  '现将',
  '同时',
  '另外',
  '此外',
  '今年',
  '全年',
  '年内',
];

/**
 * Words after a two-character town name at the start of a clause that make it the subject doing the
 * report's work (2024年，安砂镇认真落实……): no verb or adverb before a generic 镇/乡 is followed so.
 */
const SUBJECT_TAIL = /^(?:高度重视|始终|认真|坚持|积极|严格|扎实|切实|深入|不断|持续|着力|紧紧|进一步|在政务公开|在政府信息公开|在信息公开)/;
/** A clause's start: after 。，；： or a line end, or after a year (2024年安砂镇……). */
const CLAUSE_START = /(?:^|[。；;！？\n，,：:]|(?:19|20)\d{2}年度?)[\s\u3000]*$/;

/** The town name at `start`–`end` is a clause's subject doing the report's work. */
export function isSubject(text: string, start: number, end: number): boolean {
  return CLAUSE_START.test(text.slice(Math.max(0, start - 8), start)) && SUBJECT_TAIL.test(text.slice(end, end + 8));
}
