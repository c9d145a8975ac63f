// Wrong and right examples of the text rules that had none in rule-examples-a/-b: citations,
// headings, wording, an import's leftovers, the content the format asks for, last year's report.
// The shape and the test are rule-examples-c's (test/unit/review-examples-c.test.ts); right
// sentences taken from the corpus's real paragraphs (test/corpus/sources) name their source.
import type { RuleExamplesC } from './rule-examples-c';

const CLEAN_2020 = 'gov-2019' as const;
/** 五 without the follow-up of last year's problems (the clean 五's last four lines). */
const PROBLEMS_ONLY = [
  '（一）存在的主要问题',
  '一是政策解读形式单一，全年9篇政策解读均为文字稿，没有图解和视频解读。二是部分站所报送信息不及时，全年有17条惠民补贴信息超过规定时限才公开。',
  '（二）改进措施',
  '一是2026年6月底前，针对耕地地力保护补贴、城乡居民医保等政策各制作1期图解或短视频解读。二是将站所信息报送时效纳入季度考评，每季度通报一次超期情况。',
].join('\n');
/** Last year's 一, written afresh (so this year's 一 is not a copy of it). */
const OWN_OVERVIEW_2024 = [
  '2024年，小陶镇认真落实上级政务公开工作部署，推进决策、执行、管理、服务、结果公开。',
  '（一）主动公开。全年在门户网站公开信息163条，重点公开脱贫攻坚成果巩固、耕地保护等信息。',
  '（二）依申请公开。全年收到申请2件，均按期答复。',
  '（三）政府信息管理。落实保密审查制度，更新公开指南。',
  '（四）政府信息公开平台建设。开通“小陶视界”公众号专栏。',
  '（五）监督保障。政务公开纳入年度考核；开展社会评议1次；未发生责任追究情况。',
].join('\n');
const ACCOUNTABILITY =
  '政务公开工作纳入镇对各站所、村（居）的年度绩效考核，考核结果已通报。通过政务服务“好差评”开展社会评议，群众满意率98.6%。本年度未发生因政府信息公开工作被责任追究的情况。';
/** The clean 一 without its platform paragraph, nor any word about a 网站, 公众号 or 平台. */
const OVERVIEW_NO_PLATFORM = [
  '2025年，小陶镇认真贯彻《中华人民共和国政府信息公开条例》，围绕乡村振兴、惠民政策、财政资金等群众关注的领域做好政府信息公开工作。',
  '（一）主动公开',
  '全年主动公开政府信息186条，较上年增加23条；其中惠民惠农补贴、低保救助等民生信息64条。发布政策解读9篇。本年度共作出行政许可决定12件、行政处罚决定5件，均按规定公示。',
  '（二）依申请公开',
  '全年共新收政府信息公开申请4件，其中自然人3件、商业企业1件，无上年结转申请。已全部在法定期限内答复，其中予以公开3件，因本机关不掌握相关政府信息告知申请人1件。',
  '（三）政府信息管理',
  '严格执行保密审查制度，全年审查拟公开信息198条。6月对政府信息公开指南和主动公开目录进行动态更新，本年度未制发行政规范性文件。',
  '（四）监督保障',
  ACCOUNTABILITY,
].join('\n');

export const PART_D_EXAMPLES: readonly RuleExamplesC[] = [
  // ---- Citations, headings and the template.
  {
    rule: 'review.outdated_citation',
    wrong: [
      '按照《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）要求编制本报告。',
      '本报告依据国办公开办函〔2019〕60号文件要求编制。',
      // The trial format's notice by its full name: right in a 2020 report (review.citation's examples), not in 2025.
      '本报告依据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》要求编制。',
    ],
    right: [
      {
        text: '2024共收到依申请政府信息公开2件,均严格按照规定时间、规范格式予以答复,结转下年度继续办理0件。因政府信息公开申请被行政复议案件共0件。',
        source: 'http://jiaxiang.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=113708290043337186&fbtime=2024',
      },
      '根据《盐池县人民政府关于推进政务公开的意见》（盐政发〔2019〕60号）做好本年度工作。',
      { formatId: CLEAN_2020, text: '按照《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）要求编制本报告。' },
    ],
  },
  {
    rule: 'review.doc_number_brackets',
    wrong: ['根据《福建省人民政府办公厅关于推进重大建设项目批准和实施领域政府信息公开的实施意见》（闽政办【2018】25号）做好公开。'],
    right: ['根据《福建省人民政府办公厅关于推进重大建设项目批准和实施领域政府信息公开的实施意见》（闽政办〔2018〕25号）做好公开。'],
  },
  {
    rule: 'review.misplaced_heading',
    wrong: [
      '五、存在的主要问题及改进情况\n我镇政务公开工作还存在不足。',
      { section: 'problems', text: `五、政府信息公开工作存在的主要问题及改进措施\n${PROBLEMS_ONLY}`, replace: true },
    ],
    right: [
      {
        text: '二、加强信息分类整理:对各类政府信息按照主题、领域、时间等维度进行科学分类整理,建立了规范的信息资源库,便于信息的检索查询和管理维护。定期对信息进行梳理排查,及时更新失效或不准确的信息,保证信息的时效性和权威性。',
        source: 'https://www.lixin.gov.cn/XxgkAnnualReport/show/6144.html',
      },
      { section: 'problems', text: `一、政策解读形式单一，全年9篇均为文字稿\n${PROBLEMS_ONLY}`, replace: true },
    ],
  },
  {
    rule: 'review.section_empty',
    wrong: [
      { section: 'other_matters', text: '  \n', replace: true },
      { section: 'problems', text: '', replace: true },
    ],
    right: [{ section: 'proactive', text: '', replace: true }],
  },
  {
    rule: 'review.outdated_labels',
    wrong: [{ swap: ['本年度未制发行政规范性文件。', '规范性文件本年新制作数量0件，对外公开总数量0件。'] }],
    right: [
      {
        text: '3.政府信息管理。优化信息分类梳理机制,对照政务公开标准目录,动态更新权责清单、公共服务清单等信息,确保公开内容精准全面。严格执行“三审三校”信息发布审核制度,明确初审、复核、终审责任,全年未出现信息发布错误、延误等问题,无行政规范性文件出台及更新情况。',
        source: 'http://www.xixianxinqu.gov.cn:9311/zwgk/fdzdgknr/zzjg/jzjg/jzljdbsc/xxgknb/2015678676080836610.html',
      },
      { swap: ['本年度未制发行政规范性文件。', '本年度制发行政规范性文件0件，现行有效0件。'] },
    ],
  },
  {
    rule: 'review.outline',
    wrong: [
      { section: 'problems', text: '（五）其他\n（七）附则' },
      { section: 'problems', text: '(四）完善制度' },
      { section: 'other_matters', text: '（二）信息处理费\n本年度未收取信息处理费。', replace: true },
    ],
    right: [{ section: 'other_matters', text: '本年度未收取信息处理费。\n（一）人大建议\n1.办理情况\n2.公开情况\n（二）政协提案\n3.办理情况' }],
  },

  // ---- Wording, contacts, leftovers of an import.
  {
    rule: 'review.wording',
    wrong: ['严格落实保密审查工作工作制度。', '做好政府信息的的公开工作。'],
    right: [
      {
        text: '2020年,河包镇严格按照《中华人民共和国政府信息公开条例》有关规定,紧紧围绕区委、区政府重大决策部署以及公众关注,细化政府信息公开工作任务,以政府门户网站为依托,加大公开力度,加强政策解读回应,不断增强公开实效,着力保障人民群众知情权、参与权、表达权和监督权,有力助推服务型政府建设。',
        source: 'http://rongchang.gov.cn/jz/hbz/zwgk_70755/zfxxgknb_70772/202101/t20210129_8843764.html',
      },
      '我镇镇长任领导小组组长。',
      '做到件件有回音、事事有着落。',
    ],
  },
  {
    rule: 'review.repeated_paragraph',
    wrong: [{ text: '严格落实“三审三校”制度，确保公开信息准确无误。\n严格落实“三审三校”制度，确保公开信息准确无误。' }],
    right: ['严格落实“三审三校”制度，确保公开信息准确无误。'],
  },
  {
    rule: 'review.markup',
    wrong: ['**二是**加强队伍建设。', '全年共公开信息12条。<br>同时加强审核。', '公开信息12条，&nbsp;均已按时公开。'],
    right: ['全年公开信息12条（其中*号标注的为重点领域）。', '#1号楼西侧设查阅点。'],
  },
  {
    rule: 'review.broken_paragraph',
    wrong: ['认真学习《中华人民共和国政府信息公开条\n》，按照要求开展工作。', '下一步，我镇将继续加强政府信息公开的时效性和针对性，进一步提高公开的质量和'],
    right: [
      {
        text: '2020年,河包镇严格按照《中华人民共和国政府信息公开条例》有关规定,紧紧围绕区委、区政府重大决策部署以及公众关注,细化政府信息公开工作任务,以政府门户网站为依托,加大公开力度,加强政策解读回应,不断增强公开实效,着力保障人民群众知情权、参与权、表达权和监督权,有力助推服务型政府建设。',
        source: 'http://rongchang.gov.cn/jz/hbz/zwgk_70755/zfxxgknb_70772/202101/t20210129_8843764.html',
      },
      '（七）其他需要报告的事项\n本年度无其他需要报告的事项。',
      '本年度共收到申请5件。\n全部按时答复。',
    ],
  },
  {
    rule: 'review.split_sentence',
    wrong: [{ text: '进一步提高政府信息公开的权威性、完整性和\n时效性。', info: true }],
    right: [
      {
        text: '如对本报告有任何疑问,请与两城镇人民政府党政办公室联系。(地址:微山县两城镇人民政府驻地府前路1号,邮编:272199,电话:0537-8451001)',
        source: 'http://www.weishan.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=113708260043292687&fbtime=2020',
      },
      '（一）主动公开政府信息情况\n本年度共主动公开信息12条。',
      '主要做法如下：\n1. 加强审核。\n2. 及时公开。',
    ],
  },
  {
    rule: 'review.date_padding',
    wrong: ['2025年03月05日，召开政务公开工作推进会。'],
    right: [
      {
        text: '1.主动公开政府信息情况。我镇按照基层政务公开标准事项目录及时主动公开政务信息和更新政务公开栏,确保公开时效,做到政府信息应公开尽公开。截至2022年12月31日,全镇公开各类信息347条,其中,年度信息公开报告1条,财政信息2条,政务动态类信息8条,“丹阳古城过风楼”微信公众号发布信息336条。',
        source: 'http://shangnan.gov.cn/info/egovinfo/1001/xxgk2/xxgkinfo/gflz-55_/2023-0118001.htm',
      },
      '2025年3月5日，召开政务公开工作推进会。',
    ],
  },
  {
    rule: 'review.wrong_level',
    wrong: ['全县共收到政府信息公开申请12件。', '县政府办公室全年主动公开信息3200条。'],
    right: [
      {
        text: '2020年,在区委、区政府的正确领导下,我镇利用区政府门户网站信息公开专栏发布政策文件,通过“河包镇政务平台”微信公众号发布政务动态。通过区政府门户网站公开镇财政信息,1条;通过“河包镇政务平台”微信公众号推送涉及教育、医疗、公共文化、社会保障等的政务动态68余条。',
        source: 'http://rongchang.gov.cn/jz/hbz/zwgk_70755/zfxxgknb_70772/202101/t20210129_8843764.html',
      },
      '向县政府办公室报送信息35条。',
      '市政府出台《政务公开工作考核办法》后，我镇及时转发落实。',
    ],
  },

  // ---- Content the format asks for.
  {
    rule: 'review.accountability',
    wrong: [{ swap: [ACCOUNTABILITY, '政务公开工作纳入镇对各站所、村（居）的年度绩效考核，考核结果已通报。'] }],
    right: [
      {
        text: '我镇建立单位一把手负总责、分管领导主抓、各科室共同参与、党政办公室专职负责的工作机制,明确责任,将政务公开工作作为各科室年度考核重要依据,保障政务公开工作落到实处。',
        source: 'https://dyxrmt.cn/article-104752-1.html',
      },
      { swap: [ACCOUNTABILITY, '政务公开工作纳入年度考核；开展社会评议1次；未发生责任追究情况。'] },
      { formatId: CLEAN_2020, text: '本年度将政务公开纳入年度考核，开展社会评议1次，未发生责任追究情况。' },
    ],
  },
  {
    rule: 'review.overview_aspects',
    wrong: [{ info: true, text: OVERVIEW_NO_PLATFORM, replace: true }],
    right: [
      {
        text: OVERVIEW_NO_PLATFORM.replace('（四）监督保障', '（四）政府信息公开平台建设\n维护好门户网站小陶镇栏目和“小陶视界”微信公众号。\n（五）监督保障'),
        replace: true,
      },
    ],
  },
  {
    rule: 'review.overview_length',
    wrong: [{ info: true, text: '我镇持续推进决策、执行、管理、服务、结果“五公开”，不断提升政务公开工作水平。'.repeat(30) }],
    right: ['我镇持续推进决策、执行、管理、服务、结果“五公开”，不断提升政务公开工作水平。'],
  },
  {
    rule: 'review.fee',
    wrong: [
      { section: 'other_matters', text: '无。', replace: true },
      { section: 'other_matters', text: '依申请公开未收取任何费用。', replace: true },
    ],
    right: [
      { section: 'other_matters', text: '本年度没有收取信息处理费。', replace: true },
      { section: 'other_matters', text: '本年度依据《政府信息公开信息处理费管理办法》收取信息处理费2件，共计200元。', replace: true },
      { formatId: CLEAN_2020, section: 'other_matters', text: '无。', replace: true },
    ],
  },
  {
    rule: 'review.problems_follow_up',
    wrong: [{ section: 'problems', text: PROBLEMS_ONLY, replace: true, info: true }],
    right: [
      {
        section: 'problems',
        text: `（一）上年度问题整改情况\n上年度报告指出的“社区公开栏信息更新滞后”问题，已通过建立公开栏月度巡查台账整改完毕。\n${PROBLEMS_ONLY}`,
        replace: true,
      },
    ],
  },
  {
    rule: 'review.no_comparison',
    wrong: [{ swap: ['，较上年增加23条', ''], info: true }],
    right: [{ swap: ['，较上年增加23条', '，同比增长14%'] }, { swap: ['，较上年增加23条', '，与2024年相比增加23条'] }],
  },
  {
    rule: 'review.money_unit',
    wrong: [{ text: '本年度收取行政事业性收费3500元。', cells: { 't2.fees.amount': 3500 } }],
    right: [
      { text: '本年度收取行政事业性收费3500元。', cells: { 't2.fees.amount': 0.35 } },
      { text: '本年度行政事业性收费0.35万元。', cells: { 't2.fees.amount': 0.35 } },
    ],
  },

  // ---- Last year's report.
  {
    rule: 'review.same_as_last_year',
    wrong: [{ previous: {} }],
    right: [
      {
        previous: {
          sections: {
            overview: OWN_OVERVIEW_2024,
            problems: '一是村级公开栏更新不及时。二是将于2025年3月底前建立村级公开事项清单。',
            other_matters: '本年度未收取信息处理费。\n本年度公开人大代表建议办理结果6件，政协提案办理结果2件。',
          },
        },
      },
    ],
  },
];
