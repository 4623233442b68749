# Checks a corpus's gold-entities.yml against its articles/: YAML loads, every alias and
# junk string occurs in the texts (case-insensitive, curly quotes folded), no alias on two
# entities, trap names are entities. One script for every corpus:
#   python3 dev/check_gold.py dev/holdout        (or dev, dev/holdout2)
import yaml, glob, os, re, sys
os.chdir(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
g = yaml.safe_load(open('gold-entities.yml', encoding='utf-8'))
def norm(s):
    return s.replace('\u2019',"'").replace('\u2018',"'").replace('\u201c','"').replace('\u201d','"').lower()
texts = {}
for f in sorted(glob.glob('articles/*.md')):
    body = open(f, encoding='utf-8').read().split('---', 2)[2]
    texts[os.path.basename(f).split('_')[0]] = norm(body)
allt = '\n'.join(texts.values())
bad = 0
names = set(); seen = {}
n_alias = 0
for e in g['entities']:
    assert set(e) == {'name', 'kind', 'aliases'}, e
    k = e['kind'] if isinstance(e['kind'], list) else [e['kind']]
    assert all(x in ('actor', 'base', 'place') for x in k), e
    assert e['name'] not in names, e['name']; names.add(e['name'])
    for a in e['aliases']:
        n_alias += 1
        if norm(a) not in allt:
            print('MISSING alias', e['name'], '|', a); bad += 1
        key = re.sub(r"^the ", "", norm(a))
        if key in seen and seen[key] != e['name']:
            print('DUP alias', a, seen[key], e['name']); bad += 1
        seen[key] = e['name']
        files = [k2 for k2, t in texts.items() if norm(a) in t]
for t in g['merge_traps']:
    for n in t:
        if n not in names: print('TRAP name not an entity', n); bad += 1
for j in g['junk']:
    if norm(j) not in allt: print('MISSING junk', j); bad += 1
    if re.sub(r"^the ", "", norm(j)) in seen: print('junk equals alias', j); bad += 1
print(len(g['entities']), 'entities', n_alias, 'aliases', len(g['merge_traps']), 'traps', len(g['junk']), 'junk', 'problems', bad)
