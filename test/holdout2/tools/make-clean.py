#!/usr/bin/env python3
"""Writes the held-out set 2 clean reports (test/holdout2/clean/*.nianbao.json) from the hand-written
texts in reports_a.py / reports_b.py. Usage (from the repo root):
  npx tsx test/holdout2/tools/input-cells.ts > /tmp/h2inputs.json
  python3 test/holdout2/tools/make-clean.py /tmp/h2inputs.json
Every input cell of the format is written (those not named in the text module as 0), no derived cell."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reports_a import REPORTS as RA  # noqa: E402
from reports_b import REPORTS as RB  # noqa: E402

SECTIONS = ['overview', 'proactive', 'requests', 'review_litigation', 'problems', 'other_matters']


def main() -> None:
    inputs = json.load(open(sys.argv[1], encoding='utf-8'))
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'clean')
    os.makedirs(out_dir, exist_ok=True)
    for r in RA + RB:
        keys = inputs[r['formatId']]
        unknown = [k for k in r['cells'] if k not in keys]
        if unknown:
            raise SystemExit(f"{r['file']}: not input cells of {r['formatId']}: {unknown}")
        unit = dict(r['unit'])
        unit['signature'] = unit['name']
        doc = {
            'schema': 'nianbao.report/1',
            'formatId': r['formatId'],
            'year': r['year'],
            'unit': unit,
            'title': f"{unit['name']}{r['year']}年政府信息公开工作年度报告",
            'period': '',
            'preamble': {'basis': True, 'period': True, 'contact': True, 'publishedAt': r['publishedAt']},
            'sections': {k: r['sections'][k].strip('\n') for k in SECTIONS},
            'cells': {k: r['cells'].get(k, 0) for k in keys},
            'signature': unit['name'],
            'date': r['date'],
            'letterhead': {'enabled': False, 'issuer': '', 'docNumber': ''},
            'copiedSections': [],
            'acknowledgements': {},
        }
        with open(os.path.join(out_dir, r['file'] + '.nianbao.json'), 'w', encoding='utf-8') as f:
            f.write(json.dumps(doc, ensure_ascii=False, indent=2) + '\n')
    print(f'{len(RA) + len(RB)} reports written to {os.path.normpath(out_dir)}')


if __name__ == '__main__':
    main()
