// Pre-2019 reports (2008–2018): no national template, a 附表/统计表 of indicators instead (spec §3.3).
// Kept for history and import only. Each indicator has a stable key; the labels are the ones
// published reports used (several wordings per indicator, from the Putian 2009 附表, the
// 国办发〔2014〕32号 统计表 and the seeds), matched after normalising spaces and punctuation.

export interface LegacyIndicator {
  /** stable key, stored in ReportDoc.indicators (the 历年累计 column as `<key>_cumulative`) */
  key: string;
  /** the label shown in history */
  label: string;
  unit: string;
  /** wordings found in published 附表, without their numbering (其中：1．…) */
  aliases: string[];
  /** for a wording shared by several indicators (被依法纠错数): the indicator it sits under */
  under?: string;
}

export const LEGACY_FORMAT_NAME = '2019年以前的年度报告（附表/统计表指标）';

/** Headings of pre-2019 reports that do not exist in the 2019/2021 formats (spec §2.6, §6.2 E6). */
export const LEGACY_HEADING_MARKERS = [
  '概述',
  '依申请公开政府信息情况',
  '收费及减免',
  '回应解读情况',
  '机构建设和保障经费情况',
  '需要说明的其他事项与附表',
  '咨询处理情况',
  // the outline some counties used before 2019: 二、政府信息依申请公开办理情况 … 四、复议、诉讼和申诉情况
  '依申请公开办理情况',
  '复议、诉讼和申诉情况',
];

/** Header words of a 附表/统计表 (指标名称 | 计量单位 | 本年度 | 历年累计). */
export const LEGACY_TABLE_HEADERS = { indicator: ['指标名称', '统计指标', '指标'], unit: ['计量单位', '单位'], cumulative: ['历年累计', '累计'] };

export const LEGACY_INDICATORS: LegacyIndicator[] = [
  {
    key: 'proactive_total',
    label: '主动公开政府信息数',
    unit: '条',
    aliases: ['主动公开政府信息数', '主动公开信息数', '主动公开文件数', '主动公开政府信息数(不同渠道和方式公开相同信息计1条)'],
  },
  { key: 'proactive_normative_docs', label: '主动公开规范性文件数', unit: '条', aliases: ['主动公开规范性文件数'] },
  { key: 'normative_docs_issued', label: '制发规范性文件总数', unit: '件', aliases: ['制发规范性文件总数', '新增的行政规范性文件数'] },
  { key: 'proactive_gazette', label: '政府公报公开政府信息数', unit: '条', aliases: ['政府公报公开数', '政府公报公开政府信息数', '政府公报'] },
  { key: 'proactive_website', label: '政府网站公开政府信息数', unit: '条', aliases: ['政府网站公开数', '政府网站公开政府信息数', '政府网站'] },
  { key: 'proactive_weibo', label: '政务微博公开政府信息数', unit: '条', aliases: ['政务微博公开政府信息数'] },
  { key: 'proactive_wechat', label: '政务微信公开政府信息数', unit: '条', aliases: ['政务微信公开政府信息数'] },
  { key: 'proactive_other_channels', label: '其他方式公开政府信息数', unit: '条', aliases: ['其他方式公开政府信息数'] },
  { key: 'hotspot_responses', label: '回应公众关注热点或重大舆情数', unit: '次', aliases: ['回应公众关注热点或重大舆情数'] },
  { key: 'press_conferences', label: '参加或举办新闻发布会总次数', unit: '次', aliases: ['参加或举办新闻发布会总次数'] },
  { key: 'press_conferences_leaders', label: '主要负责同志参加新闻发布会次数', unit: '次', aliases: ['主要负责同志参加新闻发布会次数'] },
  { key: 'online_interviews', label: '政府网站在线访谈次数', unit: '次', aliases: ['政府网站在线访谈次数'] },
  { key: 'online_interviews_leaders', label: '主要负责同志参加政府网站在线访谈次数', unit: '次', aliases: ['主要负责同志参加政府网站在线访谈次数'] },
  { key: 'interpretations', label: '政策解读稿件发布数', unit: '篇', aliases: ['政策解读稿件发布数'] },
  { key: 'weibo_wechat_responses', label: '微博微信回应事件数', unit: '次', aliases: ['微博微信回应事件数'] },
  { key: 'other_responses', label: '其他方式回应事件数', unit: '次', aliases: ['其他方式回应事件数'] },
  {
    key: 'requests_received',
    label: '受理政府信息公开申请总数',
    unit: '件',
    aliases: ['受理政府信息公开申请总数', '受理依申请公开信息总数', '受理申请总数', '收到申请数', '受理依申请公开申请总数'],
  },
  { key: 'requests_in_person', label: '当面申请数', unit: '件', aliases: ['当面申请数'] },
  { key: 'requests_fax', label: '传真申请数', unit: '件', aliases: ['传真申请数'] },
  { key: 'requests_email', label: '电子邮件申请数', unit: '件', aliases: ['电子邮件申请数'] },
  { key: 'requests_online', label: '网络申请数', unit: '件', aliases: ['网络申请数', '网上申请数'] },
  { key: 'requests_letter', label: '信函申请数', unit: '件', aliases: ['信函申请数'] },
  { key: 'requests_letter_fax', label: '信函、传真申请数', unit: '件', aliases: ['信函、传真申请数', '信函传真申请数'] },
  { key: 'requests_other_forms', label: '其它形式申请数', unit: '件', aliases: ['其它形式申请数', '其他形式申请数'] },
  { key: 'requests_completed', label: '申请办结数', unit: '件', aliases: ['申请办结数'] },
  { key: 'requests_completed_on_time', label: '按时办结数', unit: '件', aliases: ['按时办结数'] },
  { key: 'requests_completed_extended', label: '延期办结数', unit: '件', aliases: ['延期办结数'] },
  { key: 'replies_total', label: '对申请的答复总数', unit: '件', aliases: ['对申请的答复总数', '申请答复数', '本年度对申请的答复总数'] },
  { key: 'replies_already_public', label: '属于已主动公开范围数', unit: '件', aliases: ['属于已主动公开范围数'] },
  { key: 'replies_granted', label: '同意公开答复数', unit: '件', aliases: ['同意公开答复数', '同意公开'] },
  { key: 'replies_partial', label: '同意部分公开答复数', unit: '件', aliases: ['同意部分公开答复数', '部分公开', '同意部分公开'] },
  { key: 'replies_denied', label: '不予公开答复数', unit: '件', aliases: ['不予公开答复数', '不同意公开答复数', '否决公开答复总数', '不予公开'] },
  { key: 'denied_state_secret', label: '涉及国家秘密', unit: '件', aliases: ['涉及国家秘密'] },
  { key: 'denied_commercial_secret', label: '涉及商业秘密', unit: '件', aliases: ['涉及商业秘密'] },
  { key: 'denied_privacy', label: '涉及个人隐私', unit: '件', aliases: ['涉及个人隐私'] },
  { key: 'denied_security', label: '危及国家安全、公共安全、经济安全和社会稳定', unit: '件', aliases: ['危及国家安全、公共安全、经济安全和社会稳定'] },
  { key: 'denied_not_government_info', label: '不是《条例》所指政府信息', unit: '件', aliases: ['不是《条例》所指政府信息', '非《规定》所指政府信息'] },
  { key: 'denied_other_law', label: '法律法规规定的其他情形', unit: '件', aliases: ['法律法规规定的其他情形'] },
  { key: 'replies_other', label: '其他类型答复数', unit: '件', aliases: ['其他类型答复数'] },
  { key: 'replies_not_this_agency', label: '不属于本行政机关公开数', unit: '件', aliases: ['不属于本行政机关公开数', '非本机关掌握', '非本部门掌握'] },
  { key: 'replies_not_exist', label: '申请信息不存在数', unit: '件', aliases: ['申请信息不存在数', '信息不存在'] },
  { key: 'replies_correction', label: '告知作出更改补充数', unit: '件', aliases: ['告知作出更改补充数'] },
  { key: 'replies_other_channel', label: '告知通过其他途径办理数', unit: '件', aliases: ['告知通过其他途径办理数'] },
  { key: 'fees_waived_yuan', label: '政府信息公开收费减免金额', unit: '元', aliases: ['政府信息公开收费减免金额', '收费减免金额'] },
  { key: 'fees_charged_wan', label: '依申请公开信息收取的费用', unit: '万元', aliases: ['依申请公开信息收取的费用(万元)', '依申请公开信息收取的费用'] },
  { key: 'complaints', label: '行政申诉、举报投诉数', unit: '件', aliases: ['接受行政申诉、举报数', '举报投诉数量', '行政申诉数', '举报投诉数'] },
  { key: 'review_total', label: '行政复议数', unit: '件', aliases: ['行政复议数', '行政复议数量'] },
  { key: 'review_maintained', label: '行政复议：维持具体行政行为数', unit: '件', aliases: ['维持具体行政行为数'], under: 'review_total' },
  { key: 'review_corrected', label: '行政复议：被依法纠错数', unit: '件', aliases: ['被依法纠错数'], under: 'review_total' },
  { key: 'review_other', label: '行政复议：其他情形数', unit: '件', aliases: ['其他情形数'], under: 'review_total' },
  { key: 'litigation_total', label: '行政诉讼数', unit: '件', aliases: ['行政诉讼数', '行政诉讼数量'] },
  {
    key: 'litigation_maintained',
    label: '行政诉讼：维持或驳回诉讼请求数',
    unit: '件',
    aliases: ['维持具体行政行为或者驳回原告诉讼请求数'],
    under: 'litigation_total',
  },
  { key: 'litigation_corrected', label: '行政诉讼：被依法纠错数', unit: '件', aliases: ['被依法纠错数'], under: 'litigation_total' },
  { key: 'litigation_other', label: '行政诉讼：其他情形数', unit: '件', aliases: ['其他情形数'], under: 'litigation_total' },
  { key: 'dedicated_bodies', label: '政府信息公开工作专门机构数', unit: '个', aliases: ['政府信息公开工作专门机构数'] },
  { key: 'reading_points', label: '设置政府信息公开查阅点数', unit: '个', aliases: ['设置政府信息公开查阅点数'] },
  { key: 'staff_total', label: '从事政府信息公开工作人员数', unit: '人', aliases: ['从事政府信息公开工作人员数'] },
  { key: 'staff_full_time', label: '专职人员数', unit: '人', aliases: ['专职人员数', '专职人员数(不包括政府公报及政府网站工作人员数)'] },
  { key: 'staff_part_time', label: '兼职人员数', unit: '人', aliases: ['兼职人员数'] },
  {
    key: 'special_funds_wan',
    label: '政府信息公开专项经费',
    unit: '万元',
    aliases: ['政府信息公开专项经费', '政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)'],
  },
  { key: 'meetings', label: '召开政府信息公开会议或专题会议数', unit: '次', aliases: ['召开政府信息公开会议或专题会议数'] },
  { key: 'training_sessions', label: '举办各类培训班数', unit: '次', aliases: ['举办各类培训班数'] },
  { key: 'trainees', label: '接受培训人员数', unit: '人次', aliases: ['接受培训人员数'] },
];

export const LEGACY_INDICATOR_BY_KEY = new Map(LEGACY_INDICATORS.map((i) => [i.key, i]));

/** The 历年累计 column of an indicator is stored under this key. */
export function cumulativeKey(key: string): string {
  return `${key}_cumulative`;
}

/**
 * Legacy indicators that mean the same as a figure of the current formats, for history: the
 * 2014 统计表 counted 收到申请 and 同意公开 as today's 本年新收 and 予以公开; 复议/诉讼 as totals.
 */
export const LEGACY_KEY_FIGURES = {
  newReceived: 'requests_received',
  granted: 'replies_granted',
  review: 'review_total',
  litigation: 'litigation_total',
} as const;
