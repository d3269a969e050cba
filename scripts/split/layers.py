#!/usr/bin/env python3
"""After split.py --check: names each planned target uses from targets it may not depend on (textual, rough)."""
import os, re, subprocess, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
import split
allowed = {'GtkKit': set(), 'Rendering': {'GtkKit'}, 'Commands': {'GtkKit', 'Rendering'}, 'Sections': {'GtkKit', 'Rendering'},
           'Bench': {'GtkKit', 'Rendering', 'Commands', 'Sections'}, 'gongkai': {'GtkKit', 'Rendering', 'Commands', 'Sections', 'Bench'}}
files = {}
for d, _, fs in os.walk('Sources/App'):
    for f in fs:
        if f.endswith('.swift'):
            rel = os.path.relpath(os.path.join(d, f), 'Sources/App')
            text = open(os.path.join(d, f)).read()
            files[rel] = (split.place(rel, text)[0], text)
decl = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|final|nonisolated|indirect|open|static)\s+)*(?:class|struct|enum|protocol|typealias|actor|func|let|var)\s+([A-Za-z_]\w*)', re.M)
where = collections.defaultdict(set)
for rel, (t, text) in files.items():
    for m in re.finditer(r'^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|final|nonisolated|indirect|open)\s+)*(?:class|struct|enum|protocol|typealias|actor|func|let|var)\s+([A-Za-z_]\w*)', text, re.M):
        where[m.group(1)].add(t)
bad = collections.defaultdict(set)
for rel, (t, text) in files.items():
    code = re.sub(r'//.*', '', text)
    for tok in set(re.findall(r'\b[A-Z_]\w*\b|\b[a-z]\w*(?=\()', code)):
        ts = where.get(tok)
        if ts and t not in ts and not (ts & allowed[t]):
            bad[(t, rel)].add(tok + '@' + '/'.join(sorted(ts)))
for (t, rel), toks in sorted(bad.items()):
    print(f'{t:10} {rel:45} {sorted(toks)}')
