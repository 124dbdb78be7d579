"""Reads a DOCX or XLSX written by `obligraph audit` back with python-docx
or openpyxl and prints what it holds as JSON, for tests/office.rs to
compare with the audit's own JSON.

    python3 office.py docx FILE   ->  {"paragraphs": [...], "tables": [[[cell text, ...], ...], ...]}
    python3 office.py xlsx FILE   ->  {"sheets": {name: [[value, ...], ...]}}

Exit 3 when the reader library is missing (the test then says which).
"""
import json
import sys


def read_docx(path):
    try:
        import docx
    except ImportError:
        sys.exit(3)
    d = docx.Document(path)
    tables = []
    for t in d.tables:
        rows = []
        for r in t.rows:
            # A cell spanning columns is listed once per column it spans:
            # keep one.
            cells = []
            for c in r.cells:
                if not cells or cells[-1][1] is not c._tc:
                    cells.append((c.text, c._tc))
            rows.append([c[0] for c in cells])
        tables.append(rows)
    section = d.sections[0]
    return {
        "paragraphs": [p.text for p in d.paragraphs],
        "tables": tables,
        "page": {
            "width_cm": round(section.page_width.cm, 1),
            "height_cm": round(section.page_height.cm, 1),
            "left_cm": round(section.left_margin.cm, 1),
        },
    }


def read_xlsx(path):
    try:
        import openpyxl
    except ImportError:
        sys.exit(3)
    wb = openpyxl.load_workbook(path)
    return {
        "sheets": {
            ws.title: [[c.value for c in row] for row in ws.iter_rows()]
            for ws in wb.worksheets
        }
    }


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    out = read_docx(path) if kind == "docx" else read_xlsx(path)
    json.dump(out, sys.stdout, ensure_ascii=False)
