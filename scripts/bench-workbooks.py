#!/usr/bin/env python3
"""Writes the workbooks scripts/bench measures, with Python's zipfile alone
(a minimal, valid .xlsx: inline strings and numbers, streamed into the ZIP):
  table OUT.xlsx OUT.csv N   the import table of N systems, as xlsx and CSV
  pmo PLAN.xml OUT.xlsx      a PMO sheet of the plan's areas, 40 step columns
  big OUT.xlsx MB            an import table whose sheet XML inflates to MB
                             megabytes: one system, then rows of numbers and
                             inline strings in columns nobody reads"""
import re, sys, zipfile
from xml.sax.saxutils import escape

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
      '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
TAIL = '</sheetData></worksheet>'

def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name

def row(number, values):
    cells = []
    for index, value in enumerate(values):
        if value is None or value == "":
            continue
        ref = f"{column(index)}{number}"
        if isinstance(value, int):
            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        else:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
    return f'<row r="{number}">' + "".join(cells) + "</row>"

def workbook(path, rows):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", WB_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(HEAD.encode())
            for number, values in enumerate(rows, start=1):
                sheet.write(row(number, values).encode())
            sheet.write(TAIL.encode())

HEADER = ["No", "業務名", "業務システム名", "RFI回答事業者", "調達方針"]
AREAS = ["住民基本台帳", "印鑑登録", "戸籍", "個人住民税", "国民健康保険"]

if sys.argv[1] == "table":
    n = int(sys.argv[4])
    rows = [HEADER] + [[i + 1, AREAS[i % 5], f"システム{i}", "株式会社TKC", "随意契約"] for i in range(n)]
    workbook(sys.argv[2], rows)
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        for r in rows:
            f.write(",".join(str(v) for v in r) + "\n")
elif sys.argv[1] == "pmo":
    plan = open(sys.argv[2], encoding="utf-8").read()
    areas = re.findall(r'<area ref="([^"]+)"/>', plan)
    steps = re.findall(r'<step id="([\d.]+)"', open("catalog/steps.xml", encoding="utf-8").read())
    words = ["完了済み", "作業中", "", "対象外"]
    rows = [["業務"] + steps]
    for a, area in enumerate(areas):
        rows.append([area] + [words[0] if s < 20 else words[1] if s < 24 else "" for s in range(len(steps))])
    workbook(sys.argv[3], rows)
elif sys.argv[1] == "big":
    target = int(sys.argv[3]) << 20
    def rows():
        yield HEADER
        yield [1, "住民基本台帳", "住民情報システム", "株式会社TKC", "随意契約"]
        size, number = 0, 0
        while size < target:
            number += 1
            values = [None] * 5 + [number, number * 7 % 1000003, f"備考{number}", "メモ", number % 97]
            size += len(row(number, values))
            yield values
    workbook(sys.argv[2], rows())
