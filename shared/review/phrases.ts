// Word lists the document review reads, kept as data so a county can tune them without touching the
// checks. Official labels are not retyped here: headings and format names come from shared/formats.

/** 总体情况 should not run much past this (local guidance, e.g. 武威 2025: about 1,000 字). */
export const OVERVIEW_MAX_CHARS = 1000;

/** Sections shorter than this (after removing spaces) are not compared with last year's. */
export const SIMILARITY_MIN_CHARS = 60;

/** Similarity at or above this marks a section as 内容雷同 with last year's (W25). */
export const SIMILARITY_THRESHOLD = 0.9;

/**
 * Stock phrases of 五、存在的主要问题及改进情况 (W24): each on its own says nothing a reviewer can check.
 * Matched as plain substrings.
 */
export const STOCK_PHRASES: readonly string[] = [
  '进一步加强',
  '进一步提高',
  '进一步提升',
  '进一步完善',
  '进一步规范',
  '进一步加大',
  '进一步拓宽',
  '进一步深化',
  '有待提高',
  '有待提升',
  '有待加强',
  '有待进一步',
  '有待完善',
  '需进一步加强',
  '还有差距',
  '存在一定差距',
  '还存在一定差距',
  '取得了一定的成效',
  '取得了一定的成绩',
  '还存在一些不足',
  '不容忽视的问题',
  '不断提升',
  '不断加大',
  '切实加强',
  '认真做好',
  '营造氛围',
  '营造良好氛围',
  '加大宣传力度',
  '提高公开针对性',
  '提高公开质量',
  '丰富公开内容',
  '不够重视',
  '重视程度不够',
  '认识不足',
  '意识不强',
  '力度不够',
  '不够深入',
  '不够及时',
  '再上新台阶',
  '持续推进',
  '常抓不懈',
  '在今后的工作中',
  '切实加以解决',
];

/** Words that mark a concrete problem in 五 (something is lacking or late). */
export const PROBLEM_MARKERS: readonly string[] = [
  '问题',
  '不足',
  '差距',
  '有待',
  '不够',
  '不强',
  '滞后',
  '欠缺',
  '薄弱',
  '不到位',
  '不及时',
  '不规范',
  '不全',
  '偏少',
  '较少',
  '不高',
  '缺乏',
  '短板',
];

/**
 * Details a reviewer can check: a figure or a deadline. Naming a channel (“利用网站、媒体等”) is not
 * enough: the seeds' boilerplate names channels too.
 */
export const CONCRETE_MARKERS: readonly RegExp[] = [
  /[0-9０-９]/,
  /[一二两三四五六七八九十百]+(个|条|篇|次|件|名|人|期|项|家|处|块)/,
  /(月底前|年底前|季度|每月|每周|每季度|每半年|上半年|下半年|[一二三四五六七八九十]+月)/,
];

/** Where 五 follows up last year's report (W26). */
export const FOLLOW_UP_MARKERS: readonly RegExp[] = [/上一?年度?[^。；]{0,12}(问题|报告)/, /去年[^。；]{0,12}(问题|报告)/, /整改/, /已(解决|完成|落实|改进)/];

/** A year-on-year comparison anywhere in the report (I28). `{prev}` is replaced by last year. */
export const COMPARISON_PATTERNS: readonly string[] = [
  '同比',
  '环比',
  '较上年',
  '比上年',
  '与上年',
  '较去年',
  '比去年',
  '与去年',
  '上年同期',
  '较{prev}年',
  '比{prev}年',
  '与{prev}年',
  '相比{prev}年',
  '较上一年',
  '比上一年',
  '与上一年',
];

/**
 * The five aspects of 一、总体情况 (keys as in the format data's `aspects`) and the words that show
 * one is covered. The official sub-heading itself always counts; these are accepted synonyms.
 */
export const OVERVIEW_ASPECT_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  proactive: ['主动公开'],
  requests: ['依申请公开', '依申请', '公开申请', '信息公开申请'],
  management: ['政府信息管理', '信息管理', '保密审查', '发布审查', '公开审查', '公开目录', '公开指南', '规范性文件', '公开属性', '动态更新'],
  platforms: ['平台建设', '平台', '政府网站', '门户网站', '公众号', '政务新媒体', '公开栏', '公示栏', '查阅点', '专栏', '公开专区'],
  oversight: ['监督保障', '监督', '考核', '培训', '督查', '检查', '评议'],
};

/**
 * 条例第五十条第（四）项 items for a 人民政府 (keys are the format data's GOVERNMENT_ACCOUNTABILITY_ITEMS)
 * and the words accepted as reporting them.
 */
export const ACCOUNTABILITY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  工作考核: ['工作考核', '考核', '考评', '绩效评估'],
  社会评议: [
    '社会评议',
    '群众评议',
    '评议',
    '满意度',
    '测评',
    '好差评',
    '听取群众',
    '群众意见',
    '群众对政务公开',
    '征求意见',
    '征求群众',
    '意见建议',
    '群众评价',
    '社会评价',
    '问卷调查',
  ],
  责任追究: ['责任追究', '追究责任', '追责', '问责', '追究'],
};

/**
 * Headings of the pre-2019 reports (spec §2.6, §3.2), as level-1 headings: a current report that
 * still has them was copied from an old one. Matched against the heading text without its number.
 */
export const LEGACY_HEADINGS: readonly RegExp[] = [
  /^(\S{0,20}工作)?概述$/,
  /^概况$/,
  /收费及减免/,
  /回应解读/,
  /机构建设/,
  /会议和培训/,
  /^咨询处理/,
  /需要说明的其他事项/,
  /^(\S{0,4})依申请公开(政府)?信息(的)?(办理)?情况$/,
  /^政府信息依申请公开办理情况$/,
  /^因政府信息公开申请行政复议/,
  /诉讼和申诉/,
  /^存在的主要问题和改进措施$/,
  /^(政府信息公开工作)?存在的主要问题及改进措施$/,
  /附表$/,
];

/** Level-2 headings that only the pre-2019 outline had (a 2019+ report has no such part). */
export const LEGACY_SUBHEADINGS: readonly RegExp[] = [/收费及减免/, /机构建设和保障经费/, /会议和培训/, /附表$/];

/** A sentence listing the report's parts with pre-2019 names (e.g. 湖南镇 2021, spec §6.1 item 4). */
export const LEGACY_PART_NAMES: readonly RegExp[] = [/(?<!总体情况)概述/, /收费及减免/, /需要说明的其他事项与附表/, /依申请公开办理情况/];

/** Place-like words ending in 镇/乡/街道 that name no particular unit. */
export const GENERIC_PLACE_PREFIXES: readonly string[] = [
  '我',
  '本',
  '全',
  '该',
  '各',
  '此',
  '两',
  '三',
  '多',
  '邻',
  '周边',
  '其他',
  '兄弟',
  '相关',
  '所在',
  '乡',
  '城',
  '村',
  '小城',
  '集',
  '古',
  '重点',
  '特色',
  '建制',
  '中心',
  '示范',
  '每个',
  '各个',
  '城关',
  '美丽',
  '文明',
  '卫生',
  '平安',
  '全国',
  '省级',
  '市级',
  '县级',
  '历史文化',
  '特色小',
  '民族',
  '旅游',
  '工业',
  '农业',
  '商贸',
  '推进',
  '统筹',
  '城市',
  '下',
];

/** Characters that do not occur in a township's proper name but do in the words before “镇”. */
export const NOT_IN_PLACE_NAMES = /[我本全该各由的是在对和与及将为这其度了着把被从向于也都就所此每并]/;

/** Verbs and adverbs that start the words before a generic “镇” (负责协调镇政府……). */
export const NOT_PLACE_START: readonly string[] = [
  '负责',
  '协调',
  '组织',
  '具体',
  '提高',
  '推进',
  '统筹',
  '加强',
  '全面',
  '落实',
  '指导',
  '督促',
  '配合',
  '深入',
  '服务',
  '建设',
  '打造',
  '推动',
  '实现',
  '完善',
  '成立',
  '召开',
  '参加',
  '开展',
  '覆盖',
  '带领',
  '围绕',
  '按照',
  '结合',
  '经',
  '经过',
  '通过',
  '报',
  '上报',
  '报送',
  '涉及',
  '包括',
  '联系',
  '请与',
  '联合',
  '会同',
  '协助',
  '支持',
  '邀请',
  '学习',
  '借鉴',
  '赴',
  '前往',
  '到',
  '与',
  '和',
  '同',
  '向',
  '对',
  '帮助',
  '帮扶',
  '对口',
];

/** Words that follow a unit name when it is the subject of a sentence (the author). */
export const AUTHOR_TAILS: readonly string[] = [
  '人民政府',
  '政府',
  '党委',
  '党工委',
  '办事处',
  '党政办',
  '党政综合办',
  '高度重视',
  '始终',
  '认真',
  '坚持',
  '积极',
  '严格',
  '按照',
  '围绕',
  '结合',
  '共',
  '全年',
  '本年度',
  '进一步',
  '扎实',
  '切实',
  '主动',
  '成立',
  '建立',
  '深入',
  '不断',
  '持续',
  '着力',
  '紧紧',
  '贯彻',
  '落实',
  '政务公开',
  '政府信息公开',
  '信息公开',
  // 「龙泉镇在政务公开工作中还存在……」: the town as the subject of its work.
  '在政务公开',
  '在政府信息公开',
  '在信息公开',
  '通过',
  '依托',
  '共计',
  '累计',
  '收到',
  '受理',
  '新收',
  '及时',
  '全面',
  '今年',
  // The unit stating that it had none (本年度××乡无政府信息公开方面的行政复议……).
  '无政府信息公开',
  '无依申请',
  '未收到',
  '未接到',
  '未发生',
  '没有收到',
];

/** Ways of saying that no 信息处理费 was charged. */
export const NO_FEE_PATTERNS: readonly RegExp[] = [
  /(未|没有|不|无)(收取|收|产生|发生)[^。；]{0,12}信息处理费/,
  /(未|没有|不|无)[^。；，]{0,8}(收取|收)[^。；]{0,12}信息处理费/,
  /信息处理费[^。；]{0,12}?(为|共计?|计)?\s*(?<![0-9０-９.])(0|０|零)\s*(元|万元)/,
  /信息处理费[^。；]{0,8}(未发生|无|没有)/,
  /无[^。；]{0,4}信息处理费/,
];

/** Applications carried in from last year (a part of the year's total, with the new ones). */
export const CARRIED_IN = /^(?:上年|上一年|上年度|上一年度|去年)(?:度)?(?:结转|转结)/;
/** A label naming a channel that publishes something: a clause of its own (微信公众号发布信息, 政务微博推送稿件). */
export const CLAUSE_ITEM =
  /(?:公众号|微信|微博|网站|门户|新媒体|抖音|头条号?|视频号|客户端|APP|公开栏|专栏|报刊|电视台?|广播)[^、，,]{0,4}?(?:发布|推送|刊发|刊登|转发|报送|上传|编发|推出|公开|更新)了?[^、，,]{0,6}?(?:信息|稿件|文章|动态|新闻|消息|内容)?$/;
