// Wrong and right examples of the rules issue 19 part A measured and changed (figures, sums, dates,
// the unit's years and name, citations, 五's headings, the 规范性文件 提示), kept as data next to the
// rules (LanguageTool's discipline): test/unit/review-examples-a.test.ts puts each into a clean
// report (the 2025 township of test/fixtures/review-clean.ts unless the example says otherwise) and
// checks that every wrong example produces the rule's finding and no right example does.
import type { RuleExamplesA } from './rule-examples';
import { NARRATIVE_FIGURE_EXAMPLES } from './rule-examples-figures';

export type { RuleExampleA, RuleExamplesA } from './rule-examples';

/** The clean report's table 三 has 4 new applications (3 granted, 1 not held), nothing carried; 表二 12 licences, 5 penalties. */
export const PART_A_EXAMPLES: readonly RuleExamplesA[] = [
  NARRATIVE_FIGURE_EXAMPLES,
  {
    rule: 'review.none_claimed',
    wrong: [
      '本年度没有公民、法人或者其他组织向我镇提出政府信息公开申请。',
      '2025年，小陶镇依申请公开工作无新增申请。',
      { text: '本年度依申请公开申请数为0。', section: 'requests' },
      '本年度无公民、法人或其他组织申请公开政府信息的情况。',
      { text: '本年度政府信息公开行政复议为零。', cells: { 't4.review.maintain': 1 } },
      { text: '本年度新收申请3件，无上年结转申请。', cells: { 't3.carried_over.natural_person': 1 } },
      { text: '本年度未收取任何行政事业性收费。', cells: { 't2.fees.amount': 0.2 } },
    ],
    right: [
      '本年度未发生因政府信息公开申请引发的行政复议和行政诉讼。',
      '本年度未收到政府信息公开方面的行政复议申请，未发生行政诉讼。',
      { text: '本年度无结转下年度的申请，无上年结转申请。', cells: { 't3.carried_over.natural_person': 0, 't3.carried_forward.natural_person': 0 } },
      { text: '本年度办结全部申请，无结转。', replace: true, cells: { 't3.carried_over.natural_person': 1 } },
      '无上年结转申请。',
      // 申请0件 of the carry-over, not of the new applications.
      '全年新收申请4件；2024年结转申请0件。',
      '没有申请人对答复提出异议。',
      '被提起行政诉讼0件，未经复议直接起诉的没有。',
      { text: '因政府信息公开申请行政复议1件，尚未审结行政复议0件。', cells: { 't4.review.maintain': 1 } },
      { text: '被提起行政诉讼1件，无行政诉讼败诉案件。', cells: { 't4.litigation_direct.maintain': 1 } },
    ],
  },
  {
    rule: 'review.all_done',
    wrong: [{ text: '上述申请均已办结。', cells: { 't3.carried_forward.natural_person': 1 } }],
    right: ['上述申请均已办结。', { text: '所有申请均在法定期限内答复。', cells: { 't3.carried_forward.natural_person': 1 } }],
  },
  {
    rule: 'review.requests_no_count',
    wrong: [
      {
        replace: true,
        text: '（一）主动公开\n全年主动公开政府信息186条。\n（二）依申请公开\n严格执行登记、审核、答复流程。\n（三）政府信息管理\n严格执行保密审查制度。',
      },
      // “None” of 复议 is not “none” of applications.
      {
        replace: true,
        text: '（一）主动公开\n全年主动公开政府信息186条。\n（二）依申请公开\n无因政府信息公开申请提起行政复议的情况。\n（三）政府信息管理\n严格执行保密审查制度。',
      },
    ],
    right: [
      // “None” said with no verb (无…依申请公开…情况/事项).
      {
        replace: true,
        text: '（一）主动公开情况\n全年主动公开政府信息186条。\n(二)依申请公开情况\n2024年朋普镇无政府信息依申请公开办理情况。\n（三）政府信息管理\n严格执行保密审查制度。',
        source: 'https://www.hhml.gov.cn/info/143622/745302.htm',
      },
      {
        replace: true,
        text: '（一）主动公开情况\n全年主动公开政府信息186条。\n(二)依申请公开情况。\n2021年,我乡无依申请公开政府信息事项,无因政府信息公开申请行政复议、提起行政诉讼和申诉的情况。\n（三）政府信息管理\n严格执行保密审查制度。',
        source: 'https://scgw.gov.cn/zfxxgk/GovOpenShow.aspx?id=20220125180019886',
      },
      // 无…申请公开件 (the page's own slip 依法 for 依): none all the same.
      {
        replace: true,
        text: '（一）主动公开情况\n全年主动公开政府信息186条。\n(二)依申请公开情况\n2022年度我乡无依法申请公开件。\n（三）政府信息管理\n严格执行保密审查制度。',
        source: 'https://www.suiyang.gov.cn/zwgk/zfxxgk/zfxxgknb/2022n/202301/t20230131_87229140.html?isMobile=true',
      },
      {
        replace: true,
        text: '全年收到政府信息公开申请4件，均已答复。\n（一）主动公开\n全年主动公开政府信息186条。\n（二）依申请公开\n严格执行登记、审核、答复流程。\n（三）政府信息管理\n严格执行保密审查制度。',
      },
      {
        replace: true,
        text: '（一）主动公开\n全年主动公开政府信息186条。\n（二）依申请公开\n全年新收政府信息公开申请4件。\n（三）政府信息管理\n严格执行保密审查制度。',
      },
    ],
  },
  {
    rule: 'review.sum_parts',
    wrong: [
      '全年公开信息75条。按类别分：工作动态30条、政策文件20条、其他信息20条。',
      '全年公开各类政府信息142条，按类别分：工作动态86条，民生资金公示37条，其他信息29条。',
      '全年发布政务信息120条：工作动态50条，通知公告40条，政策文件40条。',
      '主动公开信息中：政府文件17条，占10%；工作动态102条，占60%；其他61条，占36%。',
      '全年主动公开信息412条，较上年增加37条，其中财政信息300条、民生信息200条。',
      // One part after 其中, over its total (in the sentence or the next).
      '全年公开信息16条，其中惠民惠农财政补贴资金信息18条。',
      '全年公开信息16条。其中，惠民惠农财政补贴资金信息18条。',
      // The one carried into next year is not among those 办结, whatever clause it stands in.
      '本年办结8件：予以公开4件，部分公开1件，不予公开1件，无法提供1件；1件因需征求第三方意见，结转下年度继续办理。',
      '按类别分：机构职能类12条，规划计划类9条，财政资金类31条，民生保障类40条，合计96条。',
      '全年培训共计12次,其中:集中培训10次;专题培训3次。',
      // 新收 and 上年结转 closed by 合计/共: the two rows of table 三 added up.
      '本年新收政府信息公开申请4件，上年结转2件，合计7件。',
      '本年新收政府信息公开申请6件（自然人5件、法人1件），上年结转1件，共8件。',
      // A change clause and a semicolon before 其中: the list is still the total's, and 等 cannot excuse parts over it.
      '全年主动公开政府信息95条，较上年减少12条；其中，工作动态信息50条、通知公告信息30条、财政信息20条等。',
      // The channel's own count is left out, and the kinds still exceed the total.
      '全年公开信息100条，其中工作动态60条、通知公告30条、政策文件20条，镇政务微信公众号发布信息80条。',
      // A 其中-list closing its sentence, within a tenth of the total: the whole list with a slip, or a part of it.
      { text: '全年在镇政府专栏公开信息260条，其中工作动态150条、财政信息38条、民生保障信息52条。', info: true },
      { text: '全年主动公开政府信息420条，其中门户网站专栏发布200条，微信公众号发布190条。', info: true },
    ],
    right: [
      '全年公开各类政府信息142条，按类别分：工作动态86条，民生资金公示27条，其他信息29条。',
      '全年发布信息64条，其中工作动态41条、通知公告11条、财政预决算信息2条、社会救助信息10条；通过微信公众号推送信息217条。',
      '本年新收政府信息公开申请6件（自然人5件、法人1件），上年结转1件，共7件。',
      '全年主动公开政府信息95条，较上年减少12条；其中，工作动态信息50条、通知公告信息30条等。',
      // Another channel's count after the 其中-list, with only a comma between: not a part.
      {
        text: '2019年1月1日至2019年12月31日,云林街道主动公开政府信息172条,其中工作动态信息91条,通知公告19条,小额工程采购47条,法规文件及解读7条,会议报告3条,规划计划2条,人事信息3条,云林新韵微信公众号发布信息224条。',
        source: 'http://www.jsxishan.gov.cn/doc/2020/02/20/2784214.shtml',
      },
      '本年办结12件：予以公开6件，部分公开1件，不予公开2件（其中保护第三方合法权益1件、属于过程性信息1件），无法提供2件（均为本机关不掌握相关政府信息），不予处理1件（重复申请）；另有1件结转下年度继续办理。',
      '办结的38件中：予以公开16件，部分公开4件；不予公开3件，其中保护第三方合法权益2件、属于三类内部事务信息1件；无法提供15件。',
      '全年公开信息100条，其中工作动态40条、通知公告30条。',
      // One part after 其中 under its total, or a count of another total after a change clause.
      '全年公开信息16条，其中惠民惠农财政补贴资金信息8条。',
      '全年公开信息16条，较上年增加18条，其中政策文件3条。',
      '本年办结7件：予以公开4件，部分公开1件，不予公开1件，无法提供1件；1件因需征求第三方意见，结转下年度继续办理。',
      '本年办结8件：予以公开4件，部分公开1件，不予公开1件，无法提供1件；不予处理1件。',
      // A second list with its labels first closes the first.
      '全年共收到政府信息公开申请4件，其中自然人3件、商业企业1件，予以公开和无法提供分别为3件、1件。',
      '全年在镇政府专栏公开信息260条，其中工作动态150条、财政信息38条、民生保障信息52条等。',
      '全年在镇政府专栏公开信息260条，其中工作动态150条、财政信息38条、民生保障信息52条，另有其他信息20条。',
      '政府文件17条，占10%；工作动态102条，占60%；其他51条，占30%。',
      '申请人中自然人占75%、法人占25%；办理结果中予以公开占50%、不予公开占50%。',
    ],
  },
  {
    rule: 'review.unit_name',
    wrong: [
      '山福镇人民政府高度重视政府信息公开工作。',
      '大水坑镇政务公开工作稳步推进。',
      // Two characters at a clause start, followed by an adverb of the report's work: the subject, a name.
      '安砂镇认真落实条例要求。',
      { text: '龙泉镇在政务公开工作中还存在以下问题。', section: 'problems' },
      '2025年，芦溪乡始终把政务公开摆在重要位置。',
      // The ethnic form, stating that it had none.
      '本年度青林瑶族乡未收到政府信息公开申请。',
      // Two characters with no adverb of the report's work after them: a 提示.
      { text: '安砂镇通过门户网站发布信息。', info: true },
    ],
    right: [
      '完成镇政府信息公开指南和主动公开目录的更新。',
      '明确街道党政办公室负责政府信息公开日常工作。',
      '规范乡政府信息公开栏目设置。',
      '目前街道信息公开平台包括门户网站和公开栏。',
      '民族乡认真落实县政务公开工作部署的情况纳入考核。',
    ],
  },
  {
    rule: 'review.stale_year',
    wrong: ['2024年，小陶镇坚持以公开为常态，全年主动公开信息186条。', '2023年底无结转申请，本年也无结转到下年度的申请。'],
    right: [
      // Last year's end is where this year's carry-over comes from (a false alarm of the third held-out set).
      '2024年底无结转申请，本年也无结转到2026年的申请。',
      { text: '（四）2024年度问题整改情况\n2024年度报告提出的“公开栏更新不及时”问题已整改到位。', section: 'problems' },
      '本报告根据《中华人民共和国政府信息公开条例》（2019年4月3日中华人民共和国国务院令第711号修订）编制。',
      '与2024年相比，主动公开信息增加23条。',
    ],
  },
  {
    rule: 'review.bad_date',
    wrong: ['2025年二月三十日，完成村级公开栏集中更新。', '政务公开专栏于2025-02-30完成改版。', '2025年5月15日至2025年5月10日，开展“政府开放日”系列活动。'],
    right: ['2025年2月28日，完成村级公开栏集中更新。', '政务公开专栏于2025-02-28完成改版。', '2025年5月10日至5月15日，开展“政府开放日”系列活动。'],
  },
  {
    rule: 'review.period_span',
    wrong: ['数据统计时段：2025年1月1日—2026年1月31日。', '本报告统计期限为2025年1月1日至2025年11月30日。'],
    right: ['本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。', '2025年3月1日至3月31日开展专项检查。'],
  },
  {
    rule: 'review.date_in_year',
    wrong: [
      { text: '本报告于2025年1月15日经党政联席会议审议通过。', section: 'other_matters' },
      { text: '永安市小陶镇人民政府　2025年6月18日', section: 'other_matters' },
    ],
    right: [
      { text: '本报告于2026年1月15日经党政联席会议审议通过。', section: 'other_matters' },
      { text: '2025年6月18日，召开政务公开工作推进会。', section: 'other_matters' },
      { text: '2024年度报告于2025年1月20日公布。', section: 'other_matters' },
    ],
  },
  {
    rule: 'review.citation',
    wrong: ['按照《中华人民共和国政府信息公开年度报告格式》要求编制本报告。'],
    right: [
      '按照《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制本报告。',
      // A 2020 report rests on the trial format's notice, by its own name (a 2021 or later report citing it is
      // review.outdated_citation's; a false alarm of the third held-out set).
      {
        text: '本报告依据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）要求编制。',
        formatId: 'gov-2019',
      },
    ],
  },
  {
    rule: 'review.legacy_heading',
    wrong: [{ text: '四、收费及减免情况\n本年度未收取任何费用。', section: 'problems' }],
    right: [
      { text: '二、存在的主要问题及改进措施\n一是政策解读偏少。下一步，2026年每季度至少发布1篇图解。', section: 'problems' },
      // 总体情况概述 is the current part 一 described, not the pre-2019 概述.
      {
        text: '本报告由总体情况概述,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议、行政诉讼情况,存在的主要问题及改进情况和其他需要报告的事项6个部分组成。',
        source: 'https://www.hukou.gov.cn/wsz/zfxxgknb_171215/202412/t20241225_6806235.html',
      },
    ],
  },
  {
    rule: 't2.township_normative',
    wrong: [{ cells: { 't2.normative_documents.issued': 2 }, info: true }],
    right: [
      { cells: { 't2.normative_documents.issued': 2 }, text: '本年度制发行政规范性文件2件，均在专栏公开。' },
      { cells: { 't2.normative_documents.issued': 0 } },
    ],
  },
];
