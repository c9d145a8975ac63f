# Writes test/holdout3/clean/*.nianbao.json from reports.py.
# Usage: npx tsx test/holdout3/tools/input-cells.ts > /tmp/cells.json && python3 test/holdout3/tools/make_clean.py /tmp/cells.json
import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from reports import REPORTS

inputs = json.load(open(sys.argv[1]))
out_dir = os.path.join(os.path.dirname(__file__), '..', 'clean')
for r in REPORTS:
    keys = inputs[r['fmt']]
    bad = [k for k in r['cells'] if k not in keys]
    if bad:
        sys.exit(f"{r['file']}: not input cells: {bad}")
    doc = {
        'schema': 'nianbao.report/1', 'formatId': r['fmt'], 'year': r['year'],
        'unit': {'name': r['name'], 'kind': r['kind'], 'supervisor': r['county'] + '人民政府办公室',
                 'address': r['addr'], 'postcode': r['post'], 'phone': r['phone'], 'email': r['file'].split('-')[2] + 'zfxxgk@163.com', 'signature': r['name']},
        'title': f"{r['name']}{r['year']}年政府信息公开工作年度报告",
        'period': '',
        'preamble': {'basis': True, 'period': True, 'contact': True, 'publishedAt': r['portal']},
        'sections': {k: r[k] for k in ['overview', 'proactive', 'requests', 'review_litigation', 'problems', 'other_matters']},
        'cells': {k: r['cells'].get(k, 0) for k in keys},
        'signature': r['name'], 'date': r['date'],
        'letterhead': {'enabled': False, 'issuer': '', 'docNumber': ''},
        'copiedSections': [], 'acknowledgements': {},
    }
    with open(os.path.join(out_dir, r['file'] + '.nianbao.json'), 'w', encoding='utf-8') as f:
        f.write(json.dumps(doc, ensure_ascii=False, indent=2) + '\n')
print('wrote', len(REPORTS))
