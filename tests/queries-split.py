import yaml, random, sys
SEED = 20261201
qs = yaml.safe_load(open('/work/blind/mapped-fr.yaml'))['queries']
idx = list(range(len(qs)))
random.Random(SEED).shuffle(idx)
half = len(qs) // 2
sets = {'heldout': sorted(idx[:half]), 'tune': sorted(idx[half:])}
def q(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
for name, ids in sets.items():
    out = [f"# Blind search-quality set ({name} half). Written by someone who had seen neither data/ nor any",
           "# query file, from the users' situations alone; mapped to entries by another person, from",
           "# meaning only, without running any search. Split at random once from 227 queries:",
           f"#   python3 random.Random({SEED}).shuffle(range(227)); first {half} -> heldout, rest -> tune.",
           ]
    if name == 'heldout':
        out.append("# HELD OUT: never tuned on, never edited after its results were seen.")
    else:
        out.append("# Tune half: the search may be tuned on it.")
    out.append("# `covered: false`: no entry answered it when mapped; relais should say « Pas de réponse sûre ».")
    out.append("queries:")
    for i in ids:
        e = qs[i]
        out.append(f"  # {e.get('situation','')}")
        out.append(f"  - q: {q(e['q'])}")
        if e.get('covered') is False:
            out.append("    covered: false")
            out.append(f"    topic: {q(e.get('topic',''))}")
        else:
            out.append("    expect: [" + ", ".join(e['expect']) + "]")
    open(f'queries-{name}.yaml','w').write("\n".join(out) + "\n")
    print(name, len(ids), sum(1 for i in ids if qs[i].get('covered') is False))
