# The 60 hand-written planted mistakes of holdout3; writes ../mistakes/h-mistakes.json.
import json, os

B = {i: f for i, f in enumerate([None, "h-01-liushu-2019", "h-02-jianshelu-2020", "h-03-daping-2021", "h-04-qinghe-2021", "h-05-xinhua-2022",
     "h-06-gaoshan-2023", "h-07-huangtu-2023", "h-08-renminlu-2024", "h-09-shuikou-2025", "h-10-yangliu-2025", "h-11-mugua-2020", "h-12-dongjiang-2024"])}
SIX_LIST = "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项"
M = []
def m(cls, b, section, find, replace, note, cells=None):
    e = {"id": f"{cls}-{sum(1 for x in M if x['class'] == cls) + 1:02d}", "class": cls, "base": B[b] + ".nianbao.json",
         "section": section, "find": find, "replace": replace}
    if cells: e["cells"] = cells
    e["note"] = note
    M.append(e)

# typo 12
m("typo", 11, "overview", "脱贫攻坚收官工作", "脱贫功坚收官工作", "脱贫攻坚 written 脱贫功坚")
m("typo", 2, "problems", "对依申请公开程序不熟悉", "对依申情公开程序不熟悉", "依申请公开 written 依申情公开")
m("typo", 3, "overview", "以基层政务公开标准化规范化为抓手", "以基层政务公开标准化规泛化为抓手", "规范化 written 规泛化")
m("typo", 4, "overview", "不公开为例外", "不公开为列外", "例外 written 列外")
m("typo", 5, "review_litigation", "复议机关维持原答复", "复议机关维待原答复", "维持 written 维待")
m("typo", 6, "overview", "现行有效行政规范性文件3件", "现行有效行政规范性文仵3件", "文件 written 文仵")
m("typo", 7, "overview", "行政强制决定1件", "行政强治决定1件", "行政强制 written 行政强治")
m("typo", 8, "overview", "将政务公开纳入社区年度绩效考核", "将政务公开纳入社区年度积效考核", "绩效考核 written 积效考核")
m("typo", 9, "review_litigation", "全年无政府信息公开行政复议", "全年无政府信息公开行政复仪", "行政复议 written 行政复仪")
m("typo", 10, "overview", "惠民惠农财政补贴资金信息18条", "惠民惠农财政补贴资全信息18条", "资金 written 资全")
m("typo", 2, "review_litigation", "复议机关维持了街道的答复", "复议机关维持了街道的答付", "答复 written 答付")
m("typo", 12, "other_matters", "（一）收取信息处理费情况", "（一）收取信息处理废情况", "信息处理费 written 信息处理废")

# text_table 10
m("text_table", 1, "overview", "镇政府在法定期限内予以公开", "镇政府经核查后告知其该信息不属于本机关掌握", "table 三 has the one application 予以公开, not 本机关不掌握")
m("text_table", 2, "review_litigation", "复议机关维持了街道的答复", "复议机关决定撤销原答复、责令街道重新答复", "table 四: the review's result is 维持, not 纠正")
m("text_table", 12, "proactive", "本年制发的2件行政规范性文件", "本年制发的3件行政规范性文件", "table 二: 本年制发件数 is 2")
m("text_table", 4, "requests", "共受理政府信息公开申请3件", "共受理政府信息公开申请5件", "table 三: 3 applications received, none carried over")
m("text_table", 5, "review_litigation", "截至年底尚未审结", "经审理法院已判决维持原答复", "table 四: the direct lawsuit is 尚未审结")
m("text_table", 6, "overview", "本年无新制发和废止", "本年新制发2件、无废止", "table 二: 本年制发件数 is 0")
m("text_table", 7, "overview", "其中自然人4件、其他组织1件", "其中自然人4件、法律服务机构1件", "table 三: the non-person application is in 其他, none from 法律服务机构")
m("text_table", 8, "overview", "不予公开（涉及第三方合法权益）1件", "不予公开（属于国家秘密）1件", "table 三: the denial is 三（四）第三方合法权益, not 国家秘密")
m("text_table", 9, "other_matters", "（二）其他事项\n无其他需要报告的事项。", "（二）其他事项\n本年度办理的3件依申请公开事项均未收取任何费用，无其他需要报告的事项。", "table 三 has 2 applications, not 3 (stated in part 六)")
m("text_table", 10, "overview", "本年度未收到政府信息公开申请，上年无结转。", "本年度收到政府信息公开申请1件，已在法定期限内答复，上年无结转。", "table 三 holds no application at all")

# sum 8
m("sum", 2, "overview", "全年新收政府信息公开申请4件，其中自然人3件、商业企业1件", "全年新收政府信息公开申请4件，其中自然人2件、商业企业1件", "2 + 1 ≠ 4")
m("sum", 5, "overview", "本年办结8件：予以公开5件", "本年办结8件：予以公开4件", "4 + 1 + 1 + 1 = 7 ≠ 8")
m("sum", 7, "overview", "已办结4件：予以公开2件", "已办结4件：予以公开3件", "3 + 1 + 1 = 5 ≠ 4")
m("sum", 8, "overview", "本机关不掌握2件", "本机关不掌握3件", "7 + 1 + 1 + 3 + 1 + 1 = 14 ≠ 13 办结")
m("sum", 4, "overview", "惠农补贴信息45条", "惠农补贴信息245条", "其中 parts 31 + 245 = 276 exceed the total 268")
m("sum", 8, "overview", "全年主动公开政府信息538条", "全年主动公开政府信息138条", "其中 parts 87 + 64 = 151 exceed the total 138")
m("sum", 12, "overview", "全年主动公开政府信息406条", "全年主动公开政府信息96条", "listed parts 33 + 57 + 19 = 109 exceed the total 96")
m("sum", 10, "overview", "全年公开信息76条", "全年公开信息16条", "the one part named (18) exceeds the total 16")

# wrong_body 6
m("wrong_body", 3, "overview", "本年度未收到政府信息公开申请", "本年度我局未收到政府信息公开申请", "我局 in a 乡 report")
m("wrong_body", 6, "problems", "一是工作人员多为兼职", "一是本部门工作人员多为兼职", "本部门 in a 乡 report")
m("wrong_body", 2, "overview", "2020年，建设路街道办事处围绕", "2020年，我镇围绕", "我镇 in a 街道 report")
m("wrong_body", 8, "overview", "在15个社区设置政务公开栏", "我镇在15个社区设置政务公开栏", "我镇 in a 街道 report")
m("wrong_body", 9, "overview", "2025年，水口镇人民政府认真落实", "2025年，白石镇人民政府认真落实", "another township (白石镇) named as the author of 水口镇's report")
m("wrong_body", 10, "overview", "杨柳乡人民政府按照《条例》", "柳林乡人民政府按照《条例》", "another township (柳林乡) named as the author of 杨柳乡's report")

# stale_year 8
m("stale_year", 1, "overview", "统计期限自2019年1月1日起至2019年12月31日止", "统计期限自2018年1月1日起至2018年12月31日止", "统计期限 of 2018 in the 2019 report")
m("stale_year", 5, "overview", "统计期限自2022年1月1日起至2022年12月31日止", "统计期限自2021年1月1日起至2021年12月31日止", "统计期限 of last year")
m("stale_year", 5, "overview", "结转至2023年继续办理", "结转至2022年继续办理", "carried forward into the report year itself")
m("stale_year", 7, "requests", "年底结转下年度继续办理的1件申请", "年底转结下年度继续办理的1件申请", "转结 for 结转")
m("stale_year", 8, "overview", "上年结转1件", "上年转结1件", "转结 for 结转")
m("stale_year", 12, "overview", "统计期限自2024年1月1日起", "统计期限自2023年1月1日起", "统计期限 starting in last year (two years long)")
m("stale_year", 4, "overview", "2021年，清河镇人民政府坚持", "2020年，清河镇人民政府坚持", "the opening names last year in the 2021 report")
m("stale_year", 3, "overview", "（国办公开办函〔2021〕30号）", "（国办公开办函〔2019〕60号）", "a 2021 report cites the 2019 试行 format as its basis (title says 格式, not 格式（试行）, and the tables are the 2021 ones)")

# self_description 4
m("self_description", 1, "overview", "其他需要报告的事项六个部分", "其他需要报告的事项五个部分", "six parts listed but called 五个部分")
m("self_description", 5, "overview", "全文包括" + SIX_LIST + "六个部分。", "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。", "lists five parts (omits 行政复议、行政诉讼, which the report has) and calls them 六个部分")
m("self_description", 7, "overview", "全文包括" + SIX_LIST + "六个部分。", "本报告由概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请提起行政复议、行政诉讼的情况，存在的主要问题及改进措施等部分组成。", "the pre-2019 parts, not the six parts the report has")
m("self_description", 9, "overview", "其他需要报告的事项六个部分", "其他需要报告的事项七个部分", "six parts listed but called 七个部分")

# no_measures 4
m("no_measures", 4, "problems", "\n（二）改进措施\n一是实行信息发布时限承诺，一般信息形成后7个工作日内公开；二是在各村公开栏张贴依申请公开办理指引。", "", "改进措施 removed; part 五 names problems only")
m("no_measures", 7, "problems", "\n（二）改进措施\n一是采用图解、短视频等方式解读政策；二是参照县司法局提供的文书范本统一答复格式。", "", "改进措施 removed")
m("no_measures", 10, "problems", "\n（二）改进措施\n一是按标准目录逐项排查，缺项的在2026年一季度补齐；二是参加县里组织的培训，并在乡内开展以会代训。", "\n以上问题主要是乡里人员少、任务重造成的。", "measures replaced by an excuse; no improvement at all")
m("no_measures", 2, "problems", "\n（二）改进情况\n一是编印依申请公开办理流程图，发放到各社区；二是指定专人负责两个平台的同步发布，每周核对一次。", "", "改进情况 removed")

# date 4
m("date", 11, "overview", "2020年9月参加", "2020年9月31日参加", "September has 30 days")
m("date", 5, "overview", "2022年3月15日召开", "2022年2月30日召开", "February has no 30th")
m("date", 9, "overview", "2025年3月12日召开", "2025年4月31日召开", "April has 30 days")
m("date", 8, "overview", "2024年6月召开", "2024年6月31日召开", "June has 30 days")

# t2_plausibility 4
m("t2_plausibility", 1, "overview", "新制作并公开规范性文件1件", "新制作并公开规范性文件5件", "本年新公开 5 exceeds 对外公开总数量 4",
  {"t2.normative_documents.new_made": 5, "t2.normative_documents.new_published": 5})
m("t2_plausibility", 2, None, "", "", "行政处罚 上一年项目数量 2 with 本年增/减 −5 leaves −3 items", {"t2.penalty.change": -5})
m("t2_plausibility", 4, "overview", "本年制发行政规范性文件1件，现行有效5件", "本年制发行政规范性文件1件，现行有效0件", "one document issued and none repealed, yet none in force",
  {"t2.normative_documents.in_force": 0})
m("t2_plausibility", 10, "overview", "作出行政许可决定9件", "作出行政许可决定2.5件", "a count of decisions cannot be a fraction", {"t2.licensing.decisions": 2.5})

out = os.path.join(os.path.dirname(__file__), '..', 'mistakes', 'h-mistakes.json')
with open(out, 'w', encoding='utf-8') as f:
    f.write(json.dumps(M, ensure_ascii=False, indent=2) + '\n')
print(len(M))
