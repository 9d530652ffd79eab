"""Reads a workbook with openpyxl and prints what the tests check, as JSON:
sheet names, frozen panes, filters, formula cells, and per column the
types, number formats and fill colours of its cells, and every string."""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
facts = {"sheets": book.sheetnames, "formulas": 0, "frozen": {}, "filters": {}, "columns": {}}
for sheet in book.worksheets:
    facts["frozen"][sheet.title] = sheet.freeze_panes
    facts["filters"][sheet.title] = sheet.auto_filter.ref
    columns = {}
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            if cell.data_type == "f" or (isinstance(cell.value, str) and cell.data_type != "s"):
                facts["formulas"] += 1
    for index, name in enumerate(header):
        cells = [row[index] for row in sheet.iter_rows(min_row=2) if index < len(row)]
        columns[name] = {
            "types": sorted({type(c.value).__name__ for c in cells if c.value is not None}),
            "dataTypes": sorted({c.data_type for c in cells if c.value is not None}),
            "formats": sorted({c.number_format for c in cells if c.value is not None}),
            "fills": sorted({c.fill.fgColor.rgb for c in cells if c.fill and c.fill.fill_type == "solid"}),
            "strings": [c.value for c in cells if isinstance(c.value, str)],
            "width": sheet.column_dimensions[openpyxl.utils.get_column_letter(index + 1)].width,
        }
    facts["columns"][sheet.title] = columns
print(json.dumps(facts, ensure_ascii=False, default=str))
