# Hand-written texts and non-zero input cells of the ten held-out clean reports (holdout3).
# Every figure in a text was written against the cells beside it; make_clean.py fills the rest with 0.

P19 = "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）要求编制。"
P21 = "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。"
SIX = "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。"

def period(y):
    return f"本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"

REPORTS = [
  dict(file="h-01-liushu-2019", fmt="gov-2019", year=2019, kind="township",
    name="平阳县柳树镇人民政府", short="柳树镇", county="平阳县", addr="湖南省平阳县柳树镇柳树街18号", post="421500", phone="0734-6612031",
    portal="平阳县人民政府门户网站（http://www.pyx.gov.cn/）柳树镇信息公开专栏", date="2020-01-16",
    overview=P19 + SIX + period(2019) + "\n"
      "2019年，柳树镇人民政府认真贯彻新修订的《条例》，把政务公开同脱贫攻坚、农村人居环境整治结合起来推进，全镇政府信息公开工作总体平稳有序。\n"
      "（一）主动公开\n"
      "全年在平阳县人民政府门户网站柳树镇专栏主动公开政府信息186条，其中扶贫资金和项目信息42条、财政预决算信息12条、安全生产信息25条等。新制作并公开规范性文件1件，截至年底对外公开规范性文件4件。\n"
      "（二）依申请公开\n"
      "全年收到政府信息公开申请一件，申请人为本镇村民，申请公开其承包地所在片区的土地整理项目资料，镇政府在法定期限内予以公开。无上年结转申请，也无结转下年度办理的申请。\n"
      "（三）政府信息管理\n"
      "落实信息发布前保密审查，全年审查拟公开信息190余条。按照县政务公开办要求，对2008年以来在专栏发布的信息进行了清理，撤下失效信息23条。\n"
      "（四）平台建设\n"
      "维护专栏和镇村两级政务公开栏，全镇14个村（社区）公开栏每季度至少更新一次。\n"
      "（五）监督保障\n"
      "镇政府成立政务公开工作领导小组，党政办确定1名工作人员具体负责，2019年6月组织全镇业务培训1次，政务公开纳入对村年度考核。",
    proactive="", requests="", review_litigation="",
    problems="（一）存在的问题\n一是村级公开栏内容更新不及时，部分扶贫项目公示期满后未及时更换；二是政策解读数量少，形式以文字为主。\n（二）改进措施\n一是建立村级公开栏月检查制度，由镇纪委牵头抽查；二是2020年起对涉及群众切身利益的文件同步发布解读材料，尝试图解方式。",
    other_matters="本年度未收取信息处理费。无其他需要报告的事项。",
    cells={"t2.normative_documents.new_made":1,"t2.normative_documents.new_published":1,"t2.normative_documents.total_published":4,
      "t2.licensing.prev_year_items":6,"t2.licensing.decisions":35,"t2.penalty.prev_year_items":3,"t2.penalty.change":1,"t2.penalty.decisions":9,
      "t2.procurement.items":2,"t2.procurement.amount":38.6,
      "t3.new_received.natural_person":1,"t3.granted.natural_person":1}),

  dict(file="h-02-jianshelu-2020", fmt="gov-2019", year=2020, kind="subdistrict",
    name="东川区建设路街道办事处", short="建设路街道", county="东川区", addr="云南省东川区建设路街道建设路66号", post="654100", phone="0871-2151280",
    portal="东川区人民政府门户网站（http://www.dcq.gov.cn/）建设路街道专栏", date="2021-01-22",
    overview=P19 + period(2020) + "\n"
      "2020年，建设路街道办事处围绕疫情防控、复工复产和老旧小区改造等重点工作，及时准确发布信息，依法办理政府信息公开申请。\n"
      "（一）主动公开情况\n"
      "全年通过区政府门户网站街道专栏、“建设路发布”微信公众号主动公开信息327条，其中疫情防控信息96条、民生保障信息58条。建设路沿线老旧小区改造项目的实施方案、施工单位和工期在小区公示栏同步张贴。\n"
      "（二）依申请公开情况\n"
      "全年新收政府信息公开申请4件，其中自然人3件、商业企业1件；2019年结转的1件申请已于2020年1月办结。本年共办结5件，其中予以公开3件、部分公开1件，因本机关不掌握相关政府信息告知申请人1件，年底无结转。\n"
      "（三）政府信息管理情况\n"
      "执行“三审三校”发布制度，公开前由党政办初审、分管领导审核、主要领导签发。\n"
      "（四）平台建设情况\n"
      "在街道便民服务中心设置信息查阅点，9个社区公开栏按月更新。\n"
      "（五）监督保障情况\n"
      "街道将政务公开纳入社区年度考核，全年开展培训2次。",
    proactive="", requests="", review_litigation="全年因政府信息公开被申请行政复议1件，复议机关维持了街道的答复；未发生行政诉讼。",
    problems="（一）存在的主要问题\n一是社区工作人员对依申请公开程序不熟悉，转交申请不及时；二是公众号与专栏信息存在重复发布、不同步的情况。\n（二）改进情况\n一是编印依申请公开办理流程图，发放到各社区；二是指定专人负责两个平台的同步发布，每周核对一次。",
    other_matters="本年度未收取信息处理费。无其他需要报告的事项。",
    cells={"t2.penalty.prev_year_items":2,"t2.penalty.decisions":4,"t2.procurement.items":1,"t2.procurement.amount":12.5,
      "t3.new_received.natural_person":3,"t3.new_received.commercial_enterprise":1,"t3.carried_over.natural_person":1,
      "t3.granted.natural_person":2,"t3.granted.commercial_enterprise":1,"t3.partial_grant.natural_person":1,"t3.unable_not_held.natural_person":1,
      "t4.review.maintain":1}),

  dict(file="h-03-daping-2021", fmt="gov-2021", year=2021, kind="township",
    name="石城县大坪乡人民政府", short="大坪乡", county="石城县", addr="江西省石城县大坪乡大坪圩12号", post="342700", phone="0797-5831027",
    portal="石城县人民政府门户网站（http://www.scx.gov.cn/）", date="2022-01-18",
    overview=P21 + "\n"
      "2021年，大坪乡人民政府按照石城县政务公开工作安排，以基层政务公开标准化规范化为抓手，全面落实《条例》各项要求。\n"
      "（一）主动公开\n"
      "全年在石城县人民政府门户网站大坪乡栏目公开信息143条。本年未制发行政规范性文件，废止一件，现行有效2件。全年作出行政许可决定12件、行政处罚决定5件，均按规定公开。\n"
      "（二）依申请公开\n"
      "本年度未收到政府信息公开申请，也无上年结转申请。\n"
      "（三）政府信息管理\n"
      "对照县级公布的26个领域基层政务公开标准目录，梳理本乡公开事项清单。\n"
      "（四）平台建设\n"
      "规范乡、村两级公开栏，8个行政村全部设置公开栏。\n"
      "（五）监督保障\n"
      "乡政府明确分管领导和1名兼职人员负责，2021年5月参加县里组织的业务培训。",
    proactive="", requests="", review_litigation="",
    problems="（一）上年问题整改情况\n2020年度报告提出的“村级公开栏更新慢”问题，已通过每月通报的办法基本整改。\n（二）存在的问题\n一是公开内容以工作动态为主，政策解读偏少；二是兼职人员变动频繁，业务衔接不够。\n（三）改进措施\n一是对涉及农民切身利益的政策逐项配发解读；二是建立工作交接清单，新到岗人员先培训后上岗。",
    other_matters="（一）收取信息处理费情况\n本年度未收取信息处理费。\n（二）其他事项\n无。",
    cells={"t2.normative_documents.repealed":1,"t2.normative_documents.in_force":2,"t2.licensing.decisions":12,"t2.penalty.decisions":5}),

  dict(file="h-04-qinghe-2021", fmt="gov-2021", year=2021, kind="township",
    name="宁安县清河镇人民政府", short="清河镇", county="宁安县", addr="黑龙江省宁安县清河镇中心街3号", post="157400", phone="0453-7712245",
    portal="宁安县人民政府门户网站（http://www.nax.gov.cn/）清河镇专栏", date="2022-01-25",
    overview=P21 + period(2021) + "\n"
      "2021年，清河镇人民政府坚持以公开为常态、不公开为例外，围绕清河流域综合治理、乡村振兴和疫情防控做好信息公开，群众获得感进一步增强。\n"
      "（一）主动公开\n"
      "全年主动公开政府信息268条，其中清河河道治理和防汛信息31条、惠农补贴信息45条。本年制发行政规范性文件1件，现行有效5件；作出行政许可决定46件、行政处罚决定18件、行政强制决定2件。\n"
      "（二）依申请公开\n"
      "本年度新收政府信息公开申请3件，均为自然人提出，无上年结转。办理结果为：予以公开2件，重复申请1件。年底无结转。\n"
      "（三）政府信息管理\n"
      "落实公开前保密审查，全年审核信息280余条，未发生泄密事件。\n"
      "（四）平台建设\n"
      "完善镇政务服务中心查阅点，全镇11个村公开栏实现统一样式。\n"
      "（五）监督保障\n"
      "镇政府成立由镇长任组长的领导小组，全年召开专题会议2次。",
    proactive="", requests="本年度共受理政府信息公开申请3件，均在法定期限内作出答复，未发生逾期答复。", review_litigation="本年度未发生政府信息公开行政复议、行政诉讼案件。",
    problems="（一）存在的主要问题\n一是公开信息的及时性有待提高；二是群众通过网站申请的渠道知晓率不高。\n（二）改进措施\n一是实行信息发布时限承诺，一般信息形成后7个工作日内公开；二是在各村公开栏张贴依申请公开办理指引。",
    other_matters="（一）收取信息处理费情况\n本年度未收取信息处理费。\n（二）其他需要报告的事项\n无。",
    cells={"t2.normative_documents.issued":1,"t2.normative_documents.in_force":5,"t2.licensing.decisions":46,"t2.penalty.decisions":18,"t2.coercion.decisions":2,
      "t3.new_received.natural_person":3,"t3.granted.natural_person":2,"t3.not_processed_repeat.natural_person":1}),

  dict(file="h-05-xinhua-2022", fmt="gov-2021", year=2022, kind="subdistrict",
    name="江北区新华街道办事处", short="新华街道", county="江北区", addr="重庆市江北区新华街道新华路201号", post="400020", phone="023-67815530",
    portal="江北区人民政府门户网站（http://www.jbq.gov.cn/）", date="2023-01-19",
    overview=P21 + SIX + period(2022) + "\n"
      "2022年，新华街道办事处紧扣城市更新、社区治理和民生保障等中心工作，持续深化政务公开，依法保障群众知情权、参与权和监督权。\n"
      "（一）主动公开\n"
      "全年通过区政府门户网站街道栏目、“新华街道”微信公众号等渠道主动公开信息615条，同比增长12.6%。全年作出行政处罚决定23件，已全部在区政府门户网站公示。\n"
      "（二）依申请公开\n"
      "全年新收政府信息公开申请8件，其中自然人6件、商业企业1件、法律服务机构1件；另有2021年结转申请1件。本年办结8件：予以公开5件，部分公开1件，属于过程性信息不予公开1件，本机关不掌握1件；1件因涉及多个部门会商，结转至2023年继续办理。\n"
      "（三）政府信息管理\n"
      "完成街道政府信息公开指南修订，对涉及个人隐私的公示信息进行脱敏处理。\n"
      "（四）平台建设\n"
      "优化街道栏目设置，新增“城市更新”专题。\n"
      "（五）监督保障\n"
      "2022年3月15日召开政务公开工作推进会，部署年度任务；开展群众满意度测评，满意率98.5%。",
    proactive="", requests="",
    review_litigation="本年度因政府信息公开被申请行政复议1件，复议机关维持原答复；被提起行政诉讼1件（未经复议直接起诉），截至年底尚未审结。",
    problems="（一）存在的主要问题\n一是依申请公开答复文书说理不够充分；二是社区层面公开内容与街道栏目衔接不紧。\n（二）改进措施\n一是聘请法律顾问对答复文书逐件审核；二是制定社区公开事项清单，按季度与街道栏目比对。",
    other_matters="本年度未收取信息处理费。无其他需要报告的事项。",
    cells={"t2.penalty.decisions":23,
      "t3.new_received.natural_person":6,"t3.new_received.commercial_enterprise":1,"t3.new_received.legal_service_org":1,"t3.carried_over.natural_person":1,
      "t3.granted.natural_person":4,"t3.granted.commercial_enterprise":1,"t3.partial_grant.natural_person":1,"t3.denied_process_info.natural_person":1,
      "t3.unable_not_held.legal_service_org":1,"t3.carried_forward.natural_person":1,
      "t4.review.maintain":1,"t4.litigation_direct.pending":1}),

  dict(file="h-06-gaoshan-2023", fmt="gov-2021", year=2023, kind="township",
    name="云山县高山乡人民政府", short="高山乡", county="云山县", addr="贵州省云山县高山乡场坝街5号", post="558300", phone="0854-4620113",
    portal="云山县人民政府门户网站（http://www.ysx.gov.cn/）高山乡栏目", date="2024-01-12",
    overview=P21 + period(2023) + "\n"
      "2023年，高山乡人民政府认真落实《国务院办公厅关于印发〈2023年政务公开工作要点〉的通知》和县政务公开工作安排，政府信息公开工作稳步推进。\n"
      "（一）主动公开\n"
      "全年公开各类信息97条，主要涉及产业发展、低保救助、森林防火等。现行有效行政规范性文件3件，本年无新制发和废止；作出行政许可决定8件、行政处罚决定2件。\n"
      "（二）依申请公开\n"
      "全年收到政府信息公开申请1件，为自然人申请公开组级道路硬化项目资金情况，已于法定期限内予以公开。\n"
      "（三）政府信息管理\n"
      "严格信息公开审核，全年未发生泄密和错误发布。\n"
      "（四）平台建设\n"
      "在乡便民服务中心设置政务公开专区，6个村均有公开栏。\n"
      "（五）监督保障\n"
      "乡党政办负责日常工作，全年开展培训2次，政务公开纳入村级目标考核。",
    proactive="", requests="", review_litigation="",
    problems="（一）上年问题整改情况\n针对2022年度报告提出的“网站栏目更新慢”问题，已实行每周更新，问题得到整改。\n（二）存在的主要问题\n一是工作人员多为兼职，专业能力不足；二是村级公开内容不够规范。\n（三）改进措施\n一是2024年组织不少于2次专题培训；二是制定村务公开目录和模板，每季度检查。",
    other_matters="（一）收取信息处理费情况\n本年度未收取信息处理费。\n（二）其他事项\n无其他需要报告的事项。",
    cells={"t2.normative_documents.in_force":3,"t2.licensing.decisions":8,"t2.penalty.decisions":2,
      "t3.new_received.natural_person":1,"t3.granted.natural_person":1}),

  dict(file="h-07-huangtu-2023", fmt="gov-2021", year=2023, kind="township",
    name="川平县黄土镇人民政府", short="黄土镇", county="川平县", addr="四川省川平县黄土镇正街88号", post="629000", phone="0825-5521606",
    portal="川平县人民政府门户网站（http://www.cpx.gov.cn/）黄土镇专栏", date="2024-01-23",
    overview=P21 + SIX + period(2023) + "\n"
      "2023年，黄土镇人民政府深入贯彻《条例》，围绕乡村振兴、安全生产和民生实事，推进决策、执行、管理、服务、结果“五公开”。\n"
      "（一）主动公开\n"
      "全年主动公开政府信息352条，较上年增加28条。制发行政规范性文件1件、废止1件，现行有效6件。作出行政许可决定31件、行政处罚决定11件、行政强制决定1件。\n"
      "（二）依申请公开\n"
      "全年新收政府信息公开申请5件，其中自然人4件、其他组织1件，无上年结转。已办结4件：予以公开2件，本机关不掌握相关信息1件，属于信访举报投诉类申请1件；另有1件在年底前尚在答复期限内，结转下年度继续办理。\n"
      "（三）政府信息管理\n"
      "建立信息发布登记台账，全年登记发布信息360余条。\n"
      "（四）平台建设\n"
      "维护镇专栏和“黄土发布”公众号，公众号全年推送信息两百余条。\n"
      "（五）监督保障\n"
      "2023年4月召开领导小组会议，将政务公开纳入镇直单位年度考核。",
    proactive="", requests="年底结转下年度继续办理的1件申请，系2023年12月下旬收到，尚在法定答复期限内。", review_litigation="本年度无政府信息公开行政复议和行政诉讼。",
    problems="（一）存在的主要问题\n一是政策解读形式单一；二是依申请公开答复规范性不足。\n（二）改进措施\n一是采用图解、短视频等方式解读政策；二是参照县司法局提供的文书范本统一答复格式。",
    other_matters="（一）收取信息处理费情况\n本年度未收取信息处理费。\n（二）其他需要报告的事项\n无。",
    cells={"t2.normative_documents.issued":1,"t2.normative_documents.repealed":1,"t2.normative_documents.in_force":6,"t2.licensing.decisions":31,"t2.penalty.decisions":11,"t2.coercion.decisions":1,
      "t3.new_received.natural_person":4,"t3.new_received.other":1,"t3.granted.natural_person":2,"t3.unable_not_held.natural_person":1,
      "t3.not_processed_petition.other":1,"t3.carried_forward.natural_person":1}),

  dict(file="h-08-renminlu-2024", fmt="gov-2021", year=2024, kind="subdistrict",
    name="城南区人民路街道办事处", short="人民路街道", county="城南区", addr="广西壮族自治区城南区人民路街道人民路120号", post="530000", phone="0771-5536218",
    portal="城南区人民政府门户网站（http://www.cnq.gov.cn/）人民路街道栏目", date="2025-01-21",
    overview=P21 + period(2024) + "\n"
      "2024年，人民路街道办事处以提升基层政务公开质效为目标，围绕人民路商圈改造、养老服务和社区治理等重点工作，持续加大公开力度。\n"
      "（一）主动公开\n"
      "全年主动公开政府信息538条，其中城市管理和商圈改造信息87条、社会救助信息64条。作出行政处罚决定15件、行政强制决定3件，均依法公示。\n"
      "（二）依申请公开\n"
      "全年新收政府信息公开申请12件，自然人10件、商业企业2件；上年结转1件。全年办结13件，其中予以公开7件、部分公开1件，不予公开（涉及第三方合法权益）1件，本机关不掌握2件，申请内容不明确1件，重复申请1件。年底无结转。\n"
      "（三）政府信息管理\n"
      "对街道栏目2019年至2023年发布的信息进行全面排查，更正错误链接11处。\n"
      "（四）平台建设\n"
      "在15个社区设置政务公开栏，在党群服务中心设置查阅点。\n"
      "（五）监督保障\n"
      "2024年6月召开政务公开专题会，将政务公开纳入社区年度绩效考核。",
    proactive="", requests="",
    review_litigation="本年度因政府信息公开被申请行政复议2件，其中1件复议机关维持，1件尚未审结；被直接提起行政诉讼1件，法院判决维持。",
    problems="（一）上年问题整改情况\n2023年度报告提出的答复时效问题，已建立到期前5日提醒机制。\n（二）存在的问题\n一是部分社区公开栏信息陈旧；二是答复文书法律依据引用不够准确。\n（三）改进措施\n一是每月通报社区公开栏更新情况；二是答复文书一律经法律顾问审核后出具。",
    other_matters="（一）收取信息处理费情况\n本年度未收取信息处理费。\n（二）其他事项\n本年度办理人大代表建议4件、政协委员提案1件，办理结果均已公开。",
    cells={"t2.penalty.decisions":15,"t2.coercion.decisions":3,
      "t3.new_received.natural_person":10,"t3.new_received.commercial_enterprise":2,"t3.carried_over.natural_person":1,
      "t3.granted.natural_person":6,"t3.granted.commercial_enterprise":1,"t3.partial_grant.natural_person":1,"t3.denied_third_party.commercial_enterprise":1,
      "t3.unable_not_held.natural_person":2,"t3.unable_unclear.natural_person":1,"t3.not_processed_repeat.natural_person":1,
      "t4.review.maintain":1,"t4.review.pending":1,"t4.litigation_direct.maintain":1}),

  dict(file="h-09-shuikou-2025", fmt="gov-2021", year=2025, kind="township",
    name="临江县水口镇人民政府", short="水口镇", county="临江县", addr="广东省临江县水口镇江滨路9号", post="514700", phone="0753-8865102",
    portal="临江县人民政府门户网站（http://www.ljx.gov.cn/）", date="2026-01-15",
    overview=P21 + SIX + period(2025) + "\n"
      "2025年，水口镇人民政府认真落实临江县2025年政务公开工作要点，围绕水口江防洪、农村供水保障和乡村振兴等重点，推进政府信息公开工作。\n"
      "（一）主动公开\n"
      "全年在临江县人民政府门户网站水口镇栏目公开信息294条。制发行政规范性文件1件，现行有效4件；作出行政许可决定52件、行政处罚决定17件。\n"
      "（二）依申请公开\n"
      "全年新收政府信息公开申请2件，均为自然人申请，无上年结转。其中1件予以公开，1件因本机关不掌握相关政府信息，已告知申请人向县水利局申请。年底无结转。\n"
      "（三）政府信息管理\n"
      "严格落实“先审后发”，全年审核拟公开信息300余条，退回修改9条。\n"
      "（四）平台建设\n"
      "在镇便民服务中心设置查阅点，13个村（社区）公开栏按季度更新。\n"
      "（五）监督保障\n"
      "2025年3月12日召开全镇政务公开工作会议，明确党政办1名工作人员负责。",
    proactive="", requests="", review_litigation="全年无政府信息公开行政复议和行政诉讼案件。",
    problems="（一）上年问题整改情况\n2024年报告提出的“公开栏更新不及时”问题，已纳入村级季度考核，基本整改到位。\n（二）存在的主要问题\n一是信息公开与群众关注点结合不够；二是新媒体平台互动回应偏少。\n（三）改进措施\n一是每半年征集一次群众希望公开的事项；二是公众号留言由党政办专人在3个工作日内回复。",
    other_matters="（一）收取信息处理费情况\n本年度未收取信息处理费。\n（二）其他事项\n无其他需要报告的事项。",
    cells={"t2.normative_documents.issued":1,"t2.normative_documents.in_force":4,"t2.licensing.decisions":52,"t2.penalty.decisions":17,
      "t3.new_received.natural_person":2,"t3.granted.natural_person":1,"t3.unable_not_held.natural_person":1}),

  dict(file="h-10-yangliu-2025", fmt="gov-2021", year=2025, kind="township",
    name="西平县杨柳乡人民政府", short="杨柳乡", county="西平县", addr="甘肃省西平县杨柳乡政府街2号", post="743000", phone="0932-7350018",
    portal="西平县人民政府门户网站（http://www.xpx.gov.cn/）杨柳乡专栏", date="2026-01-20",
    overview=P21 + period(2025) + "\n"
      "2025年，杨柳乡人民政府按照《条例》和县政务公开办的部署，立足农业乡实际，围绕产业扶持、惠民资金和人居环境整治推进公开。\n"
      "（一）主动公开\n"
      "全年公开信息76条，其中惠民惠农财政补贴资金信息18条。现行有效行政规范性文件1件，本年未制发、未废止；作出行政许可决定9件。\n"
      "（二）依申请公开\n"
      "本年度未收到政府信息公开申请，上年无结转。\n"
      "（三）政府信息管理\n"
      "按照标准目录动态调整公开事项，保密审查全覆盖。\n"
      "（四）平台建设\n"
      "维护县政府门户网站杨柳乡专栏，7个村全部设有公开栏。\n"
      "（五）监督保障\n"
      "乡政府明确分管副乡长负责，2025年8月组织培训1次。",
    proactive="", requests="", review_litigation="",
    problems="（一）存在的主要问题\n一是公开内容偏少，部分领域信息更新滞后；二是工作人员业务不熟。\n（二）改进措施\n一是按标准目录逐项排查，缺项的在2026年一季度补齐；二是参加县里组织的培训，并在乡内开展以会代训。",
    other_matters="（一）收取信息处理费情况\n本年度未收取信息处理费。\n（二）其他事项\n无。",
    cells={"t2.normative_documents.in_force":1,"t2.licensing.decisions":9}),

  dict(file="h-11-mugua-2020", fmt="gov-2019", year=2020, kind="township",
    name="安禾县木瓜乡人民政府", short="木瓜乡", county="安禾县", addr="湖北省安禾县木瓜乡集镇中街7号", post="445300", phone="0718-6370025",
    portal="安禾县人民政府门户网站（http://www.ahx.gov.cn/）木瓜乡专栏", date="2021-01-27",
    overview=P19 + SIX + period(2020) + "\n"
      "2020年，木瓜乡人民政府在做好疫情防控和脱贫攻坚收官工作的同时，按照县政务公开办的统一安排推进政府信息公开。\n"
      "（一）主动公开\n"
      "全年在县政府门户网站木瓜乡专栏公开信息121条，其中脱贫攻坚信息38条、疫情防控信息26条等。截至年底对外公开规范性文件2件，本年未新制作。行政许可事项由上年的4项减少为3项，全年作出许可决定7件；按照县里统一清理，取消行政事业性收费项目1项，年底已无收费项目。\n"
      "（二）依申请公开\n"
      "全年收到政府信息公开申请两件，均为自然人提出：1件予以公开；另1件因申请内容不明确，已书面告知申请人作出更改、补充。2019年底无结转申请，本年也无结转到2021年的申请。\n"
      "（三）政府信息管理\n"
      "落实“先审查、后公开”，全年未发生泄密事件。\n"
      "（四）平台建设\n"
      "5个村公开栏全部更新为统一样式。\n"
      "（五）监督保障\n"
      "乡党政办明确1名兼职人员，2020年9月参加县政务公开培训。",
    proactive="", requests="", review_litigation="本年度未发生因政府信息公开引起的行政复议、行政诉讼。",
    problems="（一）存在的问题\n一是专栏内容以工作动态为主，法定主动公开内容不全；二是兼职人员业务不熟练。\n（二）改进措施\n一是对照法定公开事项逐项补齐；二是安排兼职人员参加县级培训，并建立工作台账。",
    other_matters="本年度未收取信息处理费。无其他需要报告的事项。",
    cells={"t2.normative_documents.total_published":2,"t2.licensing.prev_year_items":4,"t2.licensing.change":-1,"t2.licensing.decisions":7,
      "t2.fees.prev_year_items":1,"t2.fees.change":-1,
      "t3.new_received.natural_person":2,"t3.granted.natural_person":1,"t3.unable_unclear.natural_person":1}),

  dict(file="h-12-dongjiang-2024", fmt="gov-2021", year=2024, kind="township",
    name="泸平县东江镇人民政府", short="东江镇", county="泸平县", addr="江西省泸平县东江镇滨江路26号", post="344100", phone="0794-8412267",
    portal="泸平县人民政府门户网站（http://www.lpx.gov.cn/）东江镇栏目", date="2025-01-17",
    overview=P21 + SIX + period(2024) + "\n"
      "2024年，东江镇人民政府以群众需求为导向，围绕东江沿岸防洪工程、集镇改造和惠民资金发放等事项加大公开力度。\n"
      "（一）主动公开\n"
      "全年主动公开政府信息406条，其中东江防汛抗旱信息33条、惠民资金信息57条、集镇改造信息19条等。本年制发行政规范性文件2件、废止1件，现行有效7件；作出行政许可决定64件、行政处罚决定20件。\n"
      "（二）依申请公开\n"
      "全年新收政府信息公开申请6件（自然人5件、商业企业1件），上年结转1件，即2023年12月收到、跨年办理的征地补偿信息申请。全年办结6件，其中予以公开4件，本机关不掌握2件；另有1件因需调取档案，结转下年度继续办理。\n"
      "（三）政府信息管理\n"
      "全年审核拟公开信息410余条，退回修改12条，占比约2.9%。\n"
      "（四）平台建设\n"
      "维护县政府门户网站东江镇栏目和“东江发布”公众号，16个村（社区）公开栏按月更新。\n"
      "（五）监督保障\n"
      "2024年5月20日召开政务公开工作会议，将政务公开纳入村级年度考核。",
    proactive="本年制发的2件行政规范性文件均在印发后20个工作日内公开，并同步发布政策解读。", requests="",
    review_litigation="本年度因政府信息公开被申请行政复议1件，复议机关以答复超过法定期限为由作出纠正决定，镇政府已重新答复；未发生行政诉讼。",
    problems="（一）上年问题整改情况\n2023年度报告提出的“答复超期”问题仍有发生，今年已建立办理时限台账。\n（二）存在的主要问题\n一是依申请公开办理时限管理不严；二是政策解读质量不高。\n（三）改进措施\n一是实行办理时限倒排，由党政办每周督办；二是解读材料由业务站所起草、法律顾问把关。",
    other_matters="（一）收取信息处理费情况\n本年度未收取信息处理费。\n（二）其他事项\n无。",
    cells={"t2.normative_documents.issued":2,"t2.normative_documents.repealed":1,"t2.normative_documents.in_force":7,"t2.licensing.decisions":64,"t2.penalty.decisions":20,
      "t3.new_received.natural_person":5,"t3.new_received.commercial_enterprise":1,"t3.carried_over.natural_person":1,
      "t3.granted.natural_person":3,"t3.granted.commercial_enterprise":1,"t3.unable_not_held.natural_person":2,"t3.carried_forward.natural_person":1,
      "t4.review.correct":1}),
]
