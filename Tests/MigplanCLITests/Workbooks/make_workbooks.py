#!/usr/bin/env python3
"""Writes the workbooks the workbook-reading tests import, as people's
programs write them (openpyxl here; the tests convert some with LibreOffice),
and the hostile ones, with Python's zipfile. Usage: make_workbooks.py OUTDIR
(run from the repository root). Nothing is committed: each run writes anew."""
import csv, os, sys, zipfile, zlib, datetime
import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
def path(name): return os.path.join(out, name)

AREAS = ['住民基本台帳', '印鑑登録', '戸籍', '戸籍の附票', '選挙人名簿管理', '個人住民税', '法人住民税',
         '固定資産税', '軽自動車税', '就学', '国民年金', '国民健康保険', '後期高齢者医療', '介護保険',
         '障害者福祉', '生活保護', '健康管理', '児童手当', '児童扶養手当', '子ども・子育て支援', '共通機能']

def table(name):
    return list(csv.reader(open("Tests/MigplanCLITests/Tables/" + name, encoding="utf-8-sig")))

def merge_blanks(ws, rows, columns):
    """Merges each value of `columns` over the blank cells below it, as
    people lay the table out (a system's cells over its 業務 rows)."""
    n = len(rows)
    for col in columns:
        start = None
        for i in range(2, n + 2):
            value = ws.cell(i, col).value if i <= n else "end"
            if value not in (None, ""):
                if start and i - 1 > start:
                    ws.merge_cells(start_row=start, start_column=col, end_row=i - 1, end_column=col)
                start = i

def procurement_table():
    """Shinagawa's table: merged cells, a rich-text name, the No column as
    numbers, a hidden column and the 特定移行支援 column typed as dates in
    three ways (a date serial, 令和, R8.4.1)."""
    rows = table("shinagawa.csv")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "調達表"
    ws.append(rows[0] + ["特定移行支援", "備考"])
    for r in rows[1:]:
        values = [int(r[0]) if r[0] else None] + [v or None for v in r[1:]]
        ws.append(values)
    merge_blanks(ws, rows, (3, 4, 5))
    # 戸籍情報システム (row 4) in rich text: two runs.
    ws["C4"] = CellRichText(TextBlock(InlineFont(b=True), "戸籍"), "情報システム")
    ws["F4"] = datetime.date(2027, 3, 31)
    ws["F4"].number_format = "yyyy/m/d"
    ws["F13"] = "令和9年3月31日"       # 生活保護システム
    ws["F15"] = "R9.3.31"              # 国民健康保険システム
    ws["G2"] = "memo"
    ws.column_dimensions["G"].hidden = True
    wb.save(path("調達表.xlsx"))
    # The same, as CSV (what the CSV path must read the same way).
    with open(path("調達表.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(rows[0] + ["特定移行支援", "備考"])
        extra = {4: "2027/3/31", 13: "令和9年3月31日", 15: "R9.3.31"}
        for i, r in enumerate(rows[1:], start=2):
            w.writerow(r + [extra.get(i, ""), "memo" if i == 2 else ""])

def formulas():
    """The No column as formulas (=ROW()-1): openpyxl stores no cached
    value; LibreOffice, converting it, does."""
    rows = table("shinagawa.csv")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(rows[0])
    for i, r in enumerate(rows[1:], start=2):
        ws.append(["=ROW()-1" if r[0] else None] + [v or None for v in r[1:]])
    wb.save(path("formulas-uncached.xlsx"))

def error_value():
    rows = table("shinagawa.csv")
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append([v or None for v in r])
    ws["D3"].value = "#N/A"
    ws["D3"].data_type = "e"
    wb.save(path("error-value.xlsx"))

def dates_1904():
    """A Mac workbook (1904 dates) and a 1900 one, the same days as serials."""
    for name, epoch in (("dates-1904.xlsx", CALENDAR_MAC_1904), ("dates-1900.xlsx", None)):
        rows = table("shinagawa.csv")
        wb = openpyxl.Workbook()
        if epoch: wb.epoch = epoch
        ws = wb.active
        ws.append(rows[0] + ["特定移行支援"])
        for r in rows[1:]:
            ws.append([v or None for v in r] + [None])
        ws["F4"] = datetime.date(2027, 3, 31)
        ws["F4"].number_format = "yyyy-mm-dd"
        ws["F13"] = datetime.date(2028, 3, 31)
        ws["F13"].number_format = '[$-ja-JP]ggge"年"m"月"d"日"'
        wb.save(path(name))

def hidden_rows_and_sheets():
    """A first sheet hidden, the table on the second, a row hidden."""
    rows = table("shinagawa.csv")
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "メモ"
    notes["A1"] = "not the table"
    notes.sheet_state = "hidden"
    ws = wb.create_sheet("調達表")
    for r in rows:
        ws.append([v or None for v in r])
    ws.row_dimensions[5].hidden = True
    wb.create_sheet("空白")
    wb.save(path("hidden.xlsx"))

def pmo_sheets():
    """The PMO survey as xlsx: the catalog's ids, and the ministry's 40 headers."""
    for source, name in (("shinagawa-pmo-ids.csv", "PMO調査.xlsx"),
                         ("shinagawa-pmo-ministry-sjis.csv", "PMO調査-省令様式.xlsx")):
        encoding = "cp932" if "sjis" in source else "utf-8"
        rows = list(csv.reader(open("Tests/MigplanCLITests/Sheets/" + source, encoding=encoding)))
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "PMO"
        for r in rows:
            ws.append([v or None for v in r])
        wb.save(path(name))

def tokutei_list():
    """The official layout: merged title, blank row, header in row 3; the
    ward, a neighbour, and a body no plan matches."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "結果一覧"
    ws["A1"] = "特定移行支援システムの該当見込み一覧（令和7年12月末時点）"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=3 + len(AREAS))
    ws.append([])
    ws.append(["団体コード", "自治体名", "自治体区分"] + AREAS)
    def row(code, name, kind, marked):
        ws.append([code, name, kind] + ["●" if a in marked else None for a in AREAS])
    # Codes typed as numbers, as spreadsheets keep them: 011002 loses its 0.
    row(131091, "東京都品川区", "特別区", {"戸籍", "戸籍の附票", "生活保護", "共通機能"})
    row(13110, "東京都目黒区", "特別区", {"住民基本台帳", "個人住民税"})
    row(11002, "北海道札幌市", "指定都市", {"国民健康保険", "法人住民税"})
    row("999999", "架空県架空市", "一般市", {"国民年金"})
    notes = wb.create_sheet("注記")
    notes["A1"] = "注"
    wb.save(path("特定移行支援一覧.xlsx"))
    # The same list saved as CSV (title and blank row kept).
    with open(path("特定移行支援一覧.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        for values in ws.iter_rows(values_only=True):
            w.writerow(["" if v is None else v for v in values])
    # The ward not listed at all.
    ws.delete_rows(4)
    wb.save(path("特定移行支援一覧-品川区なし.xlsx"))

def raw_zip(name, parts, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path(name), "w", compress) as z:
        for part, data in parts:
            z.writestr(part, data)

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
      '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
def wb_rels(shared=False):
    extra = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
             if shared else "")
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            + extra + '</Relationships>')
SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = '</sheetData></worksheet>'
def inline(ref, text): return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
HEADER_ROW = ('<row r="1">' + inline("A1", "業務名") + inline("B1", "業務システム名") + inline("C1", "RFI回答事業者")
              + inline("D1", "調達方針") + '</row>')

def package(name, sheet, shared=None, extra=()):
    parts = [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("xl/workbook.xml", WB),
             ("xl/_rels/workbook.xml.rels", wb_rels(shared is not None)), ("xl/worksheets/sheet1.xml", sheet)]
    if shared is not None: parts.append(("xl/sharedStrings.xml", shared))
    raw_zip(name, parts + list(extra))

def hostile():
    # A part that inflates 1000 times: its ratio passes 100.
    bomb = SHEET_HEAD + "<x/>" * (5 << 20) + SHEET_TAIL
    package("bomb-ratio.xlsx", bomb)
    # Names outside the workbook.
    package("slip-dotdot.xlsx", SHEET_HEAD + SHEET_TAIL, extra=[("../../evil.xml", "<x/>")])
    package("slip-absolute.xlsx", SHEET_HEAD + SHEET_TAIL, extra=[("/etc/evil.xml", "<x/>")])
    # A DOCTYPE with an entity, and a plain DOCTYPE.
    package("doctype-entity.xlsx", '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>')
    package("doctype-external.xlsx", '<?xml version="1.0"?><!DOCTYPE w SYSTEM "http://example.invalid/w.dtd">'
            + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')
    # Millions of shared strings (distinct, so the ratio holds).
    sst = ['<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
    sst += ['<si><t>%x</t></si>' % (i * 2654435761 % (1 << 32)) for i in range(1_000_001)]
    sst.append('</sst>')
    package("shared-strings.xlsx", SHEET_HEAD + SHEET_TAIL, shared="".join(sst))
    # Deep nesting.
    package("deep.xlsx", SHEET_HEAD + '<row r="1"><c r="A1"><v>' + "<x>" * 100_000 + "</x>" * 100_000
            + '</v></c></row>' + SHEET_TAIL)
    # Not a ZIP, a legacy .xls, an encrypted workbook (OLE files).
    open(path("not-a-zip.xlsx"), "wb").write(b"\x00\x01garbage" * 100)
    ole = bytearray(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 1016)
    open(path("legacy.xls"), "wb").write(bytes(ole) + "Workbook".encode("utf-16-le") + b"\x00" * 512)
    open(path("encrypted.xlsx"), "wb").write(bytes(ole) + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)
    # A million rows: the table's header, one system, then a million rows
    # with a number in a column nobody reads, the last one with an area
    # that is none: streamed, refused at that row.
    rows = [SHEET_HEAD, HEADER_ROW, '<row r="2">' + inline("A2", "住民基本台帳") + inline("B2", "住民情報システム")
            + inline("C2", "株式会社TKC") + inline("D2", "随意契約") + '</row>']
    for r in range(3, 1_000_001):
        rows.append('<row r="%d"><c r="F%d"><v>%d</v></c></row>' % (r, r, r))
    last = 1_000_001
    rows.append(f'<row r="{last}">' + inline(f"A{last}", "存在しない業務") + inline(f"B{last}", "住民情報システム")
                + inline(f"C{last}", "株式会社TKC") + inline(f"D{last}", "随意契約") + '</row>')
    rows.append(SHEET_TAIL)
    package("million-rows.xlsx", "".join(rows))

def table_xml(extra_row2="", head="", rows=None, shared_index=None):
    """Shinagawa's table as a sheet of inline strings (or shared-string
    indexes from `shared_index`), `head` before sheetData, `extra_row2`
    appended to row 2."""
    rows = rows or table("shinagawa.csv")
    out = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           + head + '<sheetData>']
    for r, values in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(values):
            if not value:
                continue
            ref = "ABCDEFGHIJ"[c] + str(r)
            if shared_index is not None:
                cells.append(f'<c r="{ref}" t="s"><v>{shared_index[value]}</v></c>')
            else:
                cells.append(inline(ref, value))
        out.append(f'<row r="{r}">' + "".join(cells) + (extra_row2 if r == 2 else "") + '</row>')
    out.append('</sheetData></worksheet>')
    return "".join(out)

def edge_cases():
    """Workbooks that are valid, written in ways real writers rarely use."""
    rows = table("shinagawa.csv")
    sheet = table_xml()
    parts = [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("xl/workbook.xml", WB),
             ("xl/_rels/workbook.xml.rels", wb_rels()), ("xl/worksheets/sheet1.xml", sheet)]
    raw_zip("stored.xlsx", parts, zipfile.ZIP_STORED)
    with zipfile.ZipFile(path("zip64.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            with z.open(name, "w", force_zip64=True) as f:
                f.write(data.encode())
    # An empty shared string first: every index after it must hold.
    strings = sorted({v for r in rows for v in r if v})
    index = {v: i + 1 for i, v in enumerate(strings)}
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si/>'
           + "".join(f"<si><t>{v}</t></si>" for v in strings) + "</sst>")
    package("empty-si.xlsx", table_xml(shared_index=index), shared=sst)
    # A formula whose cached value is "" (LibreOffice's =IF(…;"";…)), a
    # hidden column past XFD.
    package("edge-cells.xlsx", table_xml(
        extra_row2='<c r="F2" t="str"><f>IF(1=1,"","x")</f><v></v></c>',
        head='<cols><col min="20000" max="20001" hidden="1"/></cols>'))

def more_hostile():
    package("merge-overlap.xlsx", table_xml().replace(
        '</sheetData>', '</sheetData><mergeCells count="2"><mergeCell ref="C2:D3"/><mergeCell ref="D2:E5"/></mergeCells>'))
    package("merge-huge.xlsx", table_xml().replace(
        '</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A30:XFD1048576"/></mergeCells>'))
    # Comments that do not compress well (the ratio holds): libxml2 keeps
    # them until their element ends.
    package("comments.xlsx", table_xml(
        extra_row2="".join(f"<!--{i * 2654435761 % 10**9:x}-->" for i in range(150_000))))
    package("row-past-limit.xlsx", SHEET_HEAD + HEADER_ROW + '<row r="2000000"><c r="A2000000"><v>1</v></c></row>' + SHEET_TAIL)
    package("cell-row-mismatch.xlsx", SHEET_HEAD + HEADER_ROW + '<row r="2">' + inline("C9", "x") + '</row>' + SHEET_TAIL)

procurement_table()
edge_cases()
formulas()
error_value()
dates_1904()
hidden_rows_and_sheets()
pmo_sheets()
tokutei_list()
if "--no-hostile" not in sys.argv:
    hostile()
    more_hostile()
