// Wrong and right examples of review.narrative_figure (the text's figures against the tables), part of
// issue 19 part A's examples (rule-examples-a.ts), run by test/unit/review-examples-a.test.ts.
import type { RuleExamplesA } from './rule-examples';

/** One application, from a 自然人, decided 不予公开 in the text. */
const ONE_APPLICATION = '全年收到政府信息公开申请1件，申请人为自然人，经审查属于内部事务信息，决定不予公开，已在法定期限内答复，无结转。';
/** The table of a report with one application, granted. */
const ONE_GRANTED = {
  't3.new_received.natural_person': 1,
  't3.new_received.commercial_enterprise': 0,
  't3.granted.natural_person': 1,
  't3.granted.commercial_enterprise': 0,
  't3.unable_not_held.natural_person': 0,
};

const TWO_APPLICANTS = '全年共收到政府信息公开申请2件，自然人和商业企业各1件，没有上年结转的申请。';
/** Two applications, both from 自然人, both granted. */
const TWO_NATURAL = {
  't3.new_received.natural_person': 2,
  't3.new_received.commercial_enterprise': 0,
  't3.granted.natural_person': 2,
  't3.granted.commercial_enterprise': 0,
  't3.unable_not_held.natural_person': 0,
};
const FOUR_APPLICATIONS = '（二）依申请公开情况。全年新收政府信息公开申请4件，其中自然人3件、商业企业1件。';
/** The clean table with its 无法提供 case filed under 不予公开 · 属于行政查询事项. */
const ADMIN_QUERY = { 't3.unable_not_held.natural_person': 0, 't3.denied_admin_query.natural_person': 1 };

/** The clean report's table 三 has 4 new applications (3 granted, 1 not held), nothing carried; 表二 12 licences, 5 penalties. */
export const NARRATIVE_FIGURE_EXAMPLES: RuleExamplesA = {
  rule: 'review.narrative_figure',
  wrong: [
    '全年共收到政府信息公开申请5件。',
    '依申请公开方面，全年我镇新收到公民、法人和其他组织提出的政府信息公开申请共计6件。',
    { text: '经审查，部分公开2件。', section: 'requests' },
    '另有1件申请因需征求第三方意见，结转下年度继续办理。',
    '本年度共办结政府信息公开申请5件。',
    { text: '因没有现成信息需要另行制作，告知申请人1件。', section: 'requests' },
    '全年收到申请4件，其中3件不予公开。',
    '129件行政处罚决定已全部在专栏公开。',
    // 处罚决定/许可决定 without 行政: table 二's decisions all the same.
    '全年作出处罚决定7件。',
    '本年作出许可决定10件。',
    { text: '本年新收申请中，自然人提出2件。', section: 'requests' },
    // An outcome stated without a figure for the only application (or for all, 均), against a table with none.
    { text: ONE_APPLICATION, replace: true, cells: ONE_GRANTED },
    {
      text: '全年共收到政府信息公开申请1件，经审查予以公开，已按期答复。',
      replace: true,
      cells: { ...ONE_GRANTED, 't3.granted.natural_person': 0, 't3.partial_grant.natural_person': 1 },
    },
    { text: '本年度因政府信息公开被申请行政复议1件，复议机关责令重新答复，结果予以纠正。', cells: { 't4.review.maintain': 1 } },
    // A reason in brackets names the sub-row; the sentence's paragraph says it is about applications.
    { text: `${FOUR_APPLICATIONS}全年办结4件，其中予以公开3件，不予公开1件（涉及国家秘密）。`, replace: true, cells: ADMIN_QUERY },
    { text: '全年办结申请4件，其中予以公开3件，不予公开1件（涉及国家秘密）。', replace: true, cells: ADMIN_QUERY },
    { text: '属于信访举报投诉类、告知通过其他渠道反映的申请有1件。', section: 'requests' },
    // Two applicant types with one count each (各), against the table's columns.
    { text: TWO_APPLICANTS, replace: true, cells: TWO_NATURAL },
    // 现行有效 without its object, in a sentence about 规范性文件.
    {
      text: '本年制发行政规范性文件1件，未废止，现行有效6件。',
      replace: true,
      cells: { 't2.normative_documents.issued': 1, 't2.normative_documents.in_force': 5 },
    },
    // The number between 制发的 and its object; the files named before a bare 本年新制发 (table 二: 0 issued).
    { text: '本年制发的3件行政规范性文件均在印发后20个工作日内公开。', cells: { 't2.normative_documents.issued': 2 } },
    { text: '现行有效行政规范性文件5件，本年新制发2件、无废止。', cells: { 't2.normative_documents.issued': 0, 't2.normative_documents.in_force': 5 } },
    // An applicant column the table does not have (its one non-person application is a 商业企业's).
    '全年新收政府信息公开申请4件，其中自然人3件、法律服务机构1件。',
    // The applications handled: more than the new and the carried-in together (4 + 0).
    { text: '本年度办理的5件依申请公开事项均未收取任何费用。', section: 'other_matters' },
    '全年办理政府信息公开申请5件。',
    // A lawsuit's one result against its group of table 四 (the direct one is 尚未审结).
    {
      text: '被提起行政诉讼1件（未经复议直接起诉），经审理法院已判决维持原答复。',
      section: 'review_litigation',
      replace: true,
      cells: { 't4.litigation_direct.pending': 1 },
    },
    { text: '被提起行政诉讼1件，法院判决维持原答复。', section: 'review_litigation', replace: true, cells: { 't4.litigation_after_review.pending': 1 } },
    // The only application told 不属于本机关掌握, against a table that granted it.
    { text: '全年收到政府信息公开申请1件，镇政府经核查后告知其该信息不属于本机关掌握。', replace: true, cells: ONE_GRANTED },
  ],
  right: [
    { text: '本年制发的2件行政规范性文件均在印发后20个工作日内公开。', cells: { 't2.normative_documents.issued': 2 } },
    { text: '现行有效行政规范性文件5件，本年新制发2件、无废止。', cells: { 't2.normative_documents.issued': 2, 't2.normative_documents.in_force': 5 } },
    // 新制定 with another object, or a clean-up's figures: not the files issued.
    { text: '现行有效行政规范性文件5件，本年新制定实施方案2件。', cells: { 't2.normative_documents.issued': 0, 't2.normative_documents.in_force': 5 } },
    {
      text: '全年新收政府信息公开申请4件，其中自然人3件、法律服务机构1件。',
      replace: true,
      cells: { 't3.new_received.commercial_enterprise': 0, 't3.new_received.legal_service_org': 1 },
    },
    { text: '本年度办理的4件依申请公开事项均未收取任何费用。', section: 'other_matters' },
    // Fewer than the applications: the ones closed (办结) may be meant.
    '全年办理政府信息公开申请3件，另有1件正在办理。',
    {
      text: '被提起行政诉讼1件（未经复议直接起诉），经审理法院已判决维持原答复。',
      section: 'review_litigation',
      replace: true,
      cells: { 't4.litigation_direct.maintain': 1 },
    },
    {
      text: '被提起行政诉讼1件（未经复议直接起诉），截至年底尚未审结。',
      section: 'review_litigation',
      replace: true,
      cells: { 't4.litigation_direct.pending': 1 },
    },
    {
      text: '全年收到政府信息公开申请1件，镇政府经核查后告知其该信息不属于本机关掌握。',
      replace: true,
      cells: { ...ONE_GRANTED, 't3.granted.natural_person': 0, 't3.unable_not_held.natural_person': 1 },
    },
    // The 维持 is the review's, whose lawsuit came after it.
    {
      text: '被申请行政复议1件，复议机关维持原答复后申请人提起行政诉讼1件，尚未审结。',
      section: 'review_litigation',
      replace: true,
      cells: { 't4.review.maintain': 1, 't4.litigation_after_review.pending': 1 },
    },
    '全年共收到政府信息公开申请4件，较上年增加2件。',
    '已全部在法定期限内答复，其中3件申请的内容予以公开，1件因本机关不掌握相关政府信息而无法提供。',
    // 予以公开 and the next clause's figure are not one figure.
    '全年申请均予以公开，1件属于本机关不掌握相关政府信息。',
    '三件申请均已办结，其中予以公开3件，无法提供1件。',
    '便民服务中心全年受理行政许可申请15件，作出行政许可决定12件。',
    '全年作出处罚决定5件，作出许可决定12件。',
    '收到申请后5个工作日内答复。',
    // A part of the applications, not their number.
    '收到的政府信息公开申请中，自然人3件。',
    '自然人申请的2件均予以公开。',
    '全年共收到申请4件，均为自然人申请：3件予以公开；1件告知申请人本机关不掌握。',
    '全年共收到申请4件，其中自然人3件、商业企业1件。',
    { text: '因政府信息公开申请行政复议1件，其中行政复议纠错0件，尚未审结行政复议1件。', cells: { 't4.review.pending': 1 } },
    { text: ONE_APPLICATION, replace: true, cells: { ...ONE_GRANTED, 't3.granted.natural_person': 0, 't3.denied_internal_affairs.natural_person': 1 } },
    // Two applications and one outcome without 均: it may be either's.
    {
      text: '全年收到政府信息公开申请2件，经审查决定不予公开。',
      replace: true,
      cells: { ...ONE_GRANTED, 't3.new_received.natural_person': 2, 't3.granted.natural_person': 2 },
    },
    {
      text: '全年收到政府信息公开申请2件，均予以公开。',
      replace: true,
      cells: { ...ONE_GRANTED, 't3.new_received.natural_person': 2, 't3.granted.natural_person': 2 },
    },
    { text: '本年度因政府信息公开被申请行政复议1件，复议机关责令重新答复，结果予以纠正。', cells: { 't4.review.correct': 1 } },
    { text: '本年度被申请行政复议1件，尚未审结。', cells: { 't4.review.pending': 1 } },
    { text: `${FOUR_APPLICATIONS}全年办结4件，其中予以公开3件，不予公开1件（属于行政查询事项）。`, replace: true, cells: ADMIN_QUERY },
    {
      text: '本年制发行政规范性文件1件，未废止，现行有效6件。',
      replace: true,
      cells: { 't2.normative_documents.issued': 1, 't2.normative_documents.in_force': 6 },
    },
    { text: '属于信访举报投诉类、告知通过其他渠道反映的申请有1件。', section: 'requests', cells: { 't3.not_processed_petition.natural_person': 1 } },
    // Labels first, figures after: each figure is its label's in order, not the nearest label's.
    '全年共收到政府信息公开申请4件，其中自然人3件、商业企业1件，予以公开和无法提供分别为3件、1件。',
    '本年度作出行政许可、行政处罚决定分别为12件、5件。',
    '全年收到申请4件，其中1件申请人为商业企业，决定予以公开。',
    // 办结 counts other things too: only its own sentence can say it is about applications.
    '全年收到政府信息公开申请4件，均已按期答复。便民服务中心全年办结各类审批服务事项1200件。',
    { text: TWO_APPLICANTS, replace: true, cells: { ...TWO_NATURAL, 't3.new_received.natural_person': 1, 't3.new_received.commercial_enterprise': 1 } },
    {
      text: '全年共收到政府信息公开申请2件，自然人和法人或其他组织各1件。',
      replace: true,
      cells: { ...TWO_NATURAL, 't3.new_received.natural_person': 1, 't3.new_received.legal_service_org': 1 },
    },
    { text: '本年度共清理规范性文件12件，其中现行有效8件。', replace: true, cells: { 't2.normative_documents.in_force': 5 } },
    { text: '本年度未制发行政规范性文件。全镇现行有效村规民约35件。', replace: true },
    { text: '本年度对现行有效的12件规范性文件进行了评估，均继续有效。', replace: true },
    // A breakdown in brackets may name only some sub-rows: the outcome's total is compared.
    {
      text: '全年办结申请4件，其中予以公开1件，不予公开3件（其中过程性信息1件）。',
      replace: true,
      cells: {
        't3.granted.natural_person': 0,
        't3.unable_not_held.natural_person': 0,
        't3.denied_process_info.natural_person': 1,
        't3.denied_internal_affairs.natural_person': 2,
      },
    },
  ],
};
