# Measured identity error figures of a generated city: name disagreement by true ethnic group, date-of-birth
# errors, health postcodes, twins. Usage: python3 identity_stats.py CITY CITY-TRUTH
import csv, json, os, sys, datetime, collections
city, truth = sys.argv[1], sys.argv[2]
layouts = json.load(open(os.path.join(city, 'manifest.json')))['files']
ident = {r[0]: r for r in csv.reader(open(os.path.join(truth, 'people_identity.csv')))}
eth = {r[0]: r[2] for r in csv.reader(open(os.path.join(truth, 'people_protected.csv')))}
people = {}
for d, rid, pid in csv.reader(open(os.path.join(truth, 'record_people.csv'))):
    if '.' in d: people[(d, rid)] = pid
fmt = {'dd/MM/yyyy': '%d/%m/%Y', 'yyyy-MM-dd': '%Y-%m-%d', 'dd-MM-yyyy': '%d-%m-%Y', 'yyyyMMdd': '%Y%m%d', 'dd-MMM-yyyy': '%d-%b-%Y'}
stats = collections.Counter(); by_group = collections.Counter(); n_group = collections.Counter()
for f in layouts:
    ds = f.get('dataset')
    if not ds: continue
    rows = csv.reader(open(os.path.join(city, f['path'])))
    head = next(rows)
    date_fmt = '%d-%b-%Y' if 'NHSNumber' in head else '%Y%m%d' if 'CLAIM_ID' in head else '%d/%m/%Y' if head[0] in ('OccurrenceRef','CaseRef','AccountRef','CaseNo') else '%d-%m-%Y' if head[0] == 'ActivityID' else '%Y-%m-%d'
    health = 'NHSNumber' in head
    for row in rows:
        pid = people[(ds, row[0])]; t = ident[pid]; g = eth[pid]
        n_group[g] += 1
        if row[2].lower() != t[1].lower() or row[3].lower() != t[2].lower(): by_group[g] += 1
        kind = 'health' if health else 'revenues' if ds.startswith('revenues.') else 'other'
        stats[kind + ' records'] += 1
        dob = row[4]
        if not dob: stats[kind + ' dob blank'] += 1
        else:
            iso = datetime.datetime.strptime(dob, date_fmt).strftime('%Y-%m-%d')
            if iso == '1900-01-01': stats[kind + ' dob 1900-01-01'] += 1
            if iso != t[3]: stats[kind + ' dob differs'] += 1
        if health:
            pc = row[head.index('Postcode')]
            if not pc: stats['health postcode blank'] += 1
for k in sorted(stats): print(f'{k}: {stats[k]}' + (f' ({stats[k]/stats[k.split(" ")[0]+" records"]:.2%})' if not k.endswith('records') else ''))
for g in ['white_british','white_other','mixed','asian','black','other']:
    print(f'name disagrees with the truth, {g}: {by_group[g]/n_group[g]:.1%} of {n_group[g]} records')
births = list(csv.reader(open(os.path.join(city, 'health_visitor_births.csv'))))[1:]
bp = {}
for d, rid, pid in csv.reader(open(os.path.join(truth, 'record_people.csv'))):
    if d == 'health_visitor_births': bp[rid] = pid
mat = collections.Counter((bp[r[0] + '/mother'], r[11]) for r in births)
print(f'maternities {len(mat)}, twins {sum(1 for v in mat.values() if v == 2)} ({sum(1 for v in mat.values() if v == 2)/len(mat):.2%})')
