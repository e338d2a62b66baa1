#!/usr/bin/env python3
"""Independent reader for the file-layer tests: prints, as JSON, what openpyxl sees in each .xlsx given
(sheet protection, cell locks, print settings, data validations, notes, defined names, workbook
protection), so a test can compare an input with the CLI's copy property by property."""
import json
import sys

import openpyxl


def sheet_props(ws):
    p = ws.protection
    locks = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None or c.has_style:
                locks[c.coordinate] = bool(c.protection.locked)
    dvs = sorted(
        [
            {"type": dv.type, "sqref": str(dv.sqref), "formula1": dv.formula1, "allowBlank": bool(dv.allow_blank)}
            for dv in ws.data_validations.dataValidation
        ],
        key=lambda d: d["sqref"],
    )
    notes = {}
    for row in ws.iter_rows():
        for c in row:
            if c.comment is not None:
                notes[c.coordinate] = c.comment.text
    return {
        "protection": {
            "sheet": bool(p.sheet),
            "password": p.password,
            "hashValue": p.hashValue,
            "formatCells": bool(p.formatCells),
            "selectLockedCells": bool(p.selectLockedCells),
        },
        "locks": locks,
        "printTitleRows": ws.print_title_rows,
        "printTitleCols": ws.print_title_cols,
        "printArea": ws.print_area,
        "orientation": ws.page_setup.orientation,
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr.fitToPage) if ws.sheet_properties.pageSetUpPr else False,
        "fitToWidth": ws.page_setup.fitToWidth,
        "fitToHeight": ws.page_setup.fitToHeight,
        "dataValidations": dvs,
        "notes": notes,
    }


def workbook_props(path):
    wb = openpyxl.load_workbook(path)
    sec = wb.security
    names = {}
    for name, dn in wb.defined_names.items() if hasattr(wb.defined_names, "items") else []:
        names[name] = dn.attr_text
    if not names:
        for dn in getattr(wb.defined_names, "definedName", []):
            names[dn.name] = dn.attr_text
    return {
        "sheets": {ws.title: sheet_props(ws) for ws in wb.worksheets},
        "lockStructure": bool(sec.lockStructure) if sec else False,
        "workbookPassword": sec.workbookPassword if sec else None,
        "definedNames": names,
    }


if __name__ == "__main__":
    print(json.dumps({path: workbook_props(path) for path in sys.argv[1:]}, ensure_ascii=False))
