#!/usr/bin/env python3
# Removes repeated entries (same msgctxt and msgid) from a .po file, keeping the first, or the
# plural one where only one of the two is plural. Branches merged with the union driver
# (.gitattributes) can bring the same new entry twice; run: scripts/po-dedupe.py resources/po/zh_CN.po
import sys
p=sys.argv[1]
lines=open(p,encoding='utf-8').read().split('\n')
entries=[]; cur=[]; state='start'
def flush():
    global cur
    if cur: entries.append(cur)
    cur=[]
for l in lines:
    s=l.strip()
    if s=='':
        flush(); state='start'; continue
    starts_entry = (s.startswith('#') or s.startswith('msgctxt') or s.startswith('msgid ')) 
    if starts_entry and state=='str':
        flush()
    if s.startswith('msgstr'): state='str'
    elif s.startswith('#'): state='comment'
    elif s.startswith('msgctxt'): state='ctx'
    elif s.startswith('msgid_plural'): state='plural'
    elif s.startswith('msgid '): state='id'
    cur.append(l)
flush()
def key(e):
    ctx=None; mid=[]; mode=None
    for l in e:
        if l.startswith('msgctxt '): ctx=l; mode=None
        elif l.startswith('msgid '): mid=[l]; mode='i'
        elif l.startswith('"') and mode=='i': mid.append(l)
        else: mode=None if not l.startswith('"') else mode
    return (ctx,'\n'.join(mid)) if mid else None
seen={}; out=[]; dups=0
for e in entries:
    k=key(e)
    if k and k[1]!='msgid ""':
        if k in seen:
            dups+=1
            prev=seen[k]
            # prefer the plural form when one of the two is plural
            if any(l.startswith('msgid_plural') for l in e) and not any(l.startswith('msgid_plural') for l in out[prev]):
                out[prev]=[l for l in out[prev] if l.startswith('#')]+[l for l in e if not l.startswith('#')]
            continue
        seen[k]=len(out)
    out.append(e)
open(p,'w',encoding='utf-8').write('\n\n'.join('\n'.join(e) for e in out)+'\n')
print("entries",len(entries),"removed",dups)
