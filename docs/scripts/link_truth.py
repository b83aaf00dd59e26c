# Links a generated city perfectly from its truth: the true registers, and every agency extract with its
# person reference replaced by the true person id, in the layout the pre-linkage ingest reads.
# Usage: python3 link_truth.py CITY CITY-TRUTH OUT
import csv, json, hashlib, os, shutil, sys
src, truth, out = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
m = json.load(open(os.path.join(src, 'manifest.json')))
people = {}
with open(os.path.join(truth, 'record_people.csv')) as f:
    r = csv.reader(f); next(r)
    for d, rid, pid in r:
        if '.' in d: people[(d, rid)] = pid
files = []
def entry(path, ds):
    b = open(os.path.join(out, path), 'rb').read()
    e = {"path": path, "rows": b.count(b'\n') - 1, "sha256": hashlib.sha256(b).hexdigest()}
    if ds: e["dataset"] = ds
    return e
for reg in ["households.csv","people.csv","people_protected.csv","people_identity.csv","residences.csv","families.csv","family_members.csv"]:
    shutil.copy(os.path.join(truth, reg), os.path.join(out, reg)); files.append(entry(reg, None))
for fe in m["files"]:
    ds = fe.get("dataset")
    if not ds: continue
    with open(os.path.join(src, fe["path"]), newline='') as f, open(os.path.join(out, fe["path"]), 'w', newline='') as g:
        r = csv.reader(f); w = csv.writer(g, lineterminator='\n')
        w.writerow(next(r))
        for row in r:
            row[1] = people[(ds, row[0])]; w.writerow(row)
    files.append(entry(fe["path"], ds))
m["files"] = files
json.dump(m, open(os.path.join(out, 'manifest.json'), 'w'), indent=2)
