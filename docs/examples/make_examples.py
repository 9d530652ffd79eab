#!/usr/bin/env python3
"""Writes the example workbooks beside their CSV (openpyxl, from the
project's test venv): 調達表.xlsx with the system, vendor and procurement
cells merged over each system's 業務 rows, as the ward's table is laid out;
PMO調査.xlsx, the survey sheet; 特定移行支援一覧.xlsx, the Digital Agency's
layout with illustrative marks (例示: not the published list).
Run from the repository root: .build/test-venv/bin/python docs/examples/make_examples.py"""
import csv
import openpyxl

AREAS = ['住民基本台帳', '印鑑登録', '戸籍', '戸籍の附票', '選挙人名簿管理', '個人住民税', '法人住民税',
         '固定資産税', '軽自動車税', '就学', '国民年金', '国民健康保険', '後期高齢者医療', '介護保険',
         '障害者福祉', '生活保護', '健康管理', '児童手当', '児童扶養手当', '子ども・子育て支援', '共通機能']

def rows(name):
    return list(csv.reader(open("docs/examples/" + name, encoding="utf-8-sig")))

def procurement():
    table = rows("調達表.csv")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "調達表"
    ws.append(table[0])
    for r in table[1:]:
        ws.append([int(r[0]) if r[0].isdigit() else (r[0] or None)] + [v or None for v in r[1:]])
    n = len(table)
    for col in (3, 4, 5):
        start = None
        for i in range(2, n + 2):
            value = ws.cell(i, col).value if i <= n else "end"
            if value not in (None, ""):
                if start and i - 1 > start:
                    ws.merge_cells(start_row=start, start_column=col, end_row=i - 1, end_column=col)
                start = i
    wb.save("docs/examples/調達表.xlsx")

def pmo():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PMO調査"
    for r in rows("PMO調査.csv"):
        ws.append([v or None for v in r])
    wb.save("docs/examples/PMO調査.xlsx")

def tokutei():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "結果一覧"
    ws["A1"] = "特定移行支援システムの該当見込み一覧（例示: 様式の見本、公表値ではありません）"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=3 + len(AREAS))
    ws.append([])
    ws.append(["団体コード", "自治体名", "自治体区分"] + AREAS)
    for code, name, kind, marked in [
        ("131091", "東京都品川区", "特別区", {"戸籍", "戸籍の附票", "共通機能"}),
        ("131105", "東京都目黒区", "特別区", {"住民基本台帳", "印鑑登録"}),
    ]:
        ws.append([code, name, kind] + ["●" if a in marked else None for a in AREAS])
    wb.save("docs/examples/特定移行支援一覧.xlsx")

ITEMS = {"system-operation": "システム運用作業", "hardware-maintenance": "ハードウェア保守作業",
         "other-outsourcing": "その他外部委託費", "hardware-software": "ハードウェア・ソフトウェア借料・保守",
         "data-center": "データセンター", "network": "通信回線", "cloud": "クラウド利用料"}
COST_HEADER = ["区分", "システム", "業務", "費目", "金額(円)", "金額(ドル)", "為替レート", "契約開始",
               "契約終了", "負担割合(%)", "補助金(円)", "対象"]

def cost_rows():
    """The sample's costs (plans/shinagawa/costs.xml, illustrative) as the
    cost sheet: recorded back, they give the same costs."""
    import re
    xml = open("plans/shinagawa/costs.xml", encoding="utf-8").read()
    plan = open("plans/shinagawa/plan.xml", encoding="utf-8").read()
    names = dict(re.findall(r'<system id="([^"]+)" name="([^"]+)"', plan))
    def row(**cells):
        return [cells.get(k, "") for k in ("kind", "system", "area", "item", "yen", "usd", "rate",
                                          "start", "end", "share", "subsidy", "source")]
    rows = [COST_HEADER]
    source = re.search(r"<source>([^<]*)</source>", xml).group(1)
    rows.append(row(kind="例示", source=source))
    rows.append(row(kind="為替", rate=re.search(r'rate="([^"]+)"', xml).group(1)))
    for item, yen in re.findall(r'<cost scope="body" item="([^"]+)" yen="(\d+)"/>', xml):
        rows.append(row(kind="基準年度", item=ITEMS[item], yen=yen))
    for ref, body in re.findall(r'<system ref="([^"]+)">(.*?)</system>', xml, re.S):
        for kind, label in (("old", "現行"), ("new", "標準準拠")):
            m = re.search(rf'<{kind}([^>]*)>(.*?)</{kind}>', body, re.S)
            if not m: continue
            end = re.search(r'end="([^"]+)"', m.group(1))
            for item, attrs in re.findall(r'<cost item="([^"]+)"([^/]*)/>', m.group(2)):
                yen = re.search(r'yen="(\d+)"', attrs)
                cents = re.search(r'usdCents="(\d+)"', attrs)
                rows.append(row(kind=label, system=names[ref], item=ITEMS[item],
                                yen=yen.group(1) if yen else "",
                                usd=f"{int(cents.group(1)) // 100}.{int(cents.group(1)) % 100:02d}" if cents else "",
                                end=end.group(1) if end else ""))
        mig = re.search(r'<migration yen="(\d+)" subsidy="(\d+)"/>', body)
        if mig:
            rows.append(row(kind="移行", system=names[ref], yen=mig.group(1), subsidy=mig.group(2)))
    return rows

def costs():
    rows = cost_rows()
    with open("docs/examples/運用経費.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "運用経費"
    for r in rows:
        ws.append([int(v) if v.isdigit() and len(v) < 15 else (v or None) for v in r])
    wb.save("docs/examples/運用経費.xlsx")

procurement()
pmo()
tokutei()
costs()
