# Disagreement between the two protected-characteristics sources for children in both (latest census row vs social care).
import csv, os, sys, collections
city, truth = sys.argv[1], sys.argv[2]
rp = {}
for d, rid, pid in csv.reader(open(os.path.join(truth, 'record_people.csv'))):
    if d in ('school_census', 'csc_child_characteristics'): rp[(d, rid)] = pid
true_eth = {r[0]: r[2] for r in csv.reader(open(os.path.join(truth, 'people_protected.csv')))}
school = {}
for r in list(csv.reader(open(os.path.join(city, 'school_census.csv'))))[1:]:
    school[rp[('school_census', r[0] + '/pupil')]] = r[9]
care = {}
for r in list(csv.reader(open(os.path.join(city, 'csc_child_characteristics.csv'))))[1:]:
    care[rp[('csc_child_characteristics', r[0] + '/child')]] = r[7]
both = [p for p in care if p in school]
differ = sum(1 for p in both if school[p] != care[p])
blank = sum(1 for p in both if not school[p] or not care[p])
wrong_school = sum(1 for p in school if school[p] and school[p] != true_eth[p])
print(f'children in both sources {len(both)}; ethnicity differs {differ/len(both):.1%} (one of them blank {blank/len(both):.1%}); school census non-blank but not the true group {wrong_school/len(school):.1%} of {len(school)} pupils')
