#!/usr/bin/env python3
"""Writes the PMO survey sheets the record tests read: Shinagawa's 18 areas
eight months on (2024-09-30), never behind plans/shinagawa: groups 1-11 done,
12-13 in progress, the rest as the plan has them. One with the catalog's step
ids (UTF-8), one with the ministry's headers verbatim (Shift_JIS, CRLF).
Run from the repository root; the output is committed."""
import csv, io, re

dom = open("../shared/design/domain.md", encoding="utf-8").read()
ministry = re.findall(r"^- `([①-⑳]-\d+ [^`]*)`", dom, re.M)
steps = re.findall(r'<step id="([\d.]+)"', open("catalog/steps.xml", encoding="utf-8").read())
plan = open("plans/shinagawa/plan.xml", encoding="utf-8").read()
areas_xml = open("catalog/areas.xml", encoding="utf-8").read()
names = dict(re.findall(r'<area id="([^"]+)"[^>]*>\s*<name>([^<]+)</name>', areas_xml))
serves, status = {}, {}
for m in re.finditer(r'<system id="([^"]+)"(.*?)</system>', plan, re.S):
    serves[m.group(1)] = re.findall(r'<serves area="([^"]+)"', m.group(2))
    status[m.group(1)] = dict(re.findall(r'<step ref="([^"]+)" status="([^"]+)"', m.group(2)))
rank = {"not-started": 0, "in-progress": 1, "done": 2, "not-applicable": 3}
word = {0: "", 1: "作業中", 2: "完了済み", 3: "対象外"}
rows = []
for area in re.findall(r'<area ref="([^"]+)"/>', plan):
    systems = [s for s in serves if area in serves[s]]
    cells = []
    for step in steps:
        group = int(step.split(".")[0])
        now = min(rank[status[s].get(step, "not-started")] for s in systems)
        later = 2 if group <= 11 else 1 if group in (12, 13) else 0
        cells.append(word[max(now, later)])
    rows.append([names[area]] + cells)
assert len(ministry) == 40 and len(steps) == 40 and len(rows) == 18
for path, header, encoding in [
    ("Tests/MigplanCLITests/Sheets/shinagawa-pmo-ids.csv", steps, "utf-8"),
    ("Tests/MigplanCLITests/Sheets/shinagawa-pmo-ministry-sjis.csv", ministry, "cp932"),
]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if encoding == "cp932" else "\n")
    writer.writerow(["都道府県", "市区町村", "業務"] + header)
    for row in rows:
        writer.writerow(["東京都", "品川区"] + row)
    open(path, "wb").write(out.getvalue().encode(encoding))
