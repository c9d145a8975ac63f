#!/usr/bin/env python3
"""Writes test/holdout/clean/*.nianbao.json from the hand-written reports in reports_*.py.

Each report lists only its non-zero input cells; every other input cell of its format is written
as 0 (the list of input cells comes from shared/formats, dumped by input-cells.ts).
Usage: npx tsx test/holdout/tools/input-cells.ts > /tmp/inputs.json && python3 test/holdout/tools/make-clean.py /tmp/inputs.json
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from reports_a import REPORTS as A  # noqa: E402
from reports_b import REPORTS as B  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'clean')


def main() -> None:
    inputs = json.load(open(sys.argv[1], encoding='utf-8'))
    for r in A + B:
        fmt = 'gov-2019' if r['year'] <= 2020 else 'gov-2021'
        keys = inputs[fmt]
        cells = {}
        for k in keys:
            cells[k] = 0
        for k, v in r['cells'].items():
            if k not in cells:
                raise SystemExit(f"{r['file']}: {k} is not an input cell of {fmt}")
            cells[k] = v
        unit = dict(r['unit'])
        doc = {
            'schema': 'nianbao.report/1',
            'formatId': fmt,
            'year': r['year'],
            'unit': unit,
            'title': f"{unit['name']}{r['year']}年政府信息公开工作年度报告",
            'period': '',
            'preamble': {'basis': False, 'period': False, 'contact': r.get('contact', False), 'publishedAt': r.get('publishedAt', '')},
            'sections': {k: '\n'.join(v) if isinstance(v, list) else v for k, v in r['sections'].items()},
            'cells': cells,
            'signature': unit['signature'],
            'date': r['date'],
            'letterhead': r.get('letterhead', {'enabled': False, 'issuer': '', 'docNumber': ''}),
            'copiedSections': [],
            'acknowledgements': {},
        }
        with open(os.path.join(OUT, r['file']), 'w', encoding='utf-8') as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write('\n')
        print('wrote', r['file'])


if __name__ == '__main__':
    main()
