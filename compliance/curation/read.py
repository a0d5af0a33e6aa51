"""Read an import: a folder of template CSVs or one .xlsx workbook, as text tables; problems in the files themselves
(encoding, layout, unknown or missing columns) are collected, not raised."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from compliance.curation.contract import MAX_ROWS, REQUIRED, TEMPLATE, Problem


@dataclass
class Input:
    """The tables read from a template, each with the name it had in the input."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_input(path: Path) -> Input:
    """Read a folder of CSVs or an .xlsx workbook as text tables; problems in the files themselves are collected."""
    found = Input()
    if path.is_dir():
        sources = {p.stem: p for p in sorted(path.iterdir()) if p.suffix.lower() == ".csv"}
        # Only CSVs are read from a folder (a workbook or README beside them is left alone); each must be a template table.
        for stem, p in sources.items():
            if stem not in TEMPLATE:
                found.problems.append(
                    Problem(p.name, 0, "-", f"not a template file (expected {', '.join(t + '.csv' for t in TEMPLATE)})")
                )
        for table, p in sources.items():
            if table in TEMPLATE:
                _read_csv(p, table, found)
    elif path.suffix.lower() == ".xlsx" and path.is_file():
        _read_xlsx(path, found)
    else:
        found.problems.append(Problem(path.name, 0, "-", "not a folder of CSV files or an .xlsx workbook"))
    if not found.tables and not found.problems:
        found.problems.append(Problem(path.name, 0, "-", "no template tables found"))
    return found


def _read_csv(p: Path, table: str, found: Input) -> None:
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        found.problems.append(
            Problem(p.name, line, "-", f"not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8")
        )
        return
    if not text.strip():
        found.problems.append(Problem(p.name, 1, "-", "empty file: it needs a header row and at least one data row"))
        return

    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as err:
        found.problems.append(Problem(p.name, 1, "-", f"not readable as CSV: {err}"))
        return
    _add_table(found, table, p.name, frame, header_row=1)


def _read_xlsx(path: Path, found: Input) -> None:
    try:
        sheets = pd.read_excel(path, sheet_name=None, dtype=str, keep_default_na=False, engine="openpyxl")
    except Exception as err:  # openpyxl raises many kinds for a damaged workbook; all mean the same to the user
        found.problems.append(Problem(path.name, 0, "-", f"not a readable .xlsx workbook ({type(err).__name__})"))
        return
    for sheet, frame in sheets.items():
        name = f"{path.name}[{sheet}]"
        if sheet not in TEMPLATE:
            found.problems.append(Problem(name, 0, "-", f"not a template sheet (expected {', '.join(TEMPLATE)})"))
            continue
        if frame.empty and not len(frame.columns):
            found.problems.append(Problem(name, 1, "-", "empty sheet: it needs a header row and at least one data row"))
            continue
        _add_table(found, sheet, name, frame.astype(str).replace({"nan": "", "None": ""}), header_row=1)


def _add_table(found: Input, table: str, name: str, frame: pd.DataFrame, header_row: int) -> None:
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in REQUIRED[table] if c not in frame.columns]
    unknown = [c for c in frame.columns if c not in TEMPLATE[table]]
    found.problems += [Problem(name, header_row, c, "missing column") for c in missing]
    found.problems += [
        Problem(name, header_row, c, f"unknown column (expected {', '.join(TEMPLATE[table])})") for c in unknown
    ]
    if frame.empty:
        found.problems.append(Problem(name, header_row, "-", "no data rows"))
    if len(frame) > MAX_ROWS:
        found.problems.append(
            Problem(name, header_row + MAX_ROWS + 1, "-", f"more than {MAX_ROWS:,} rows: split the file")
        )
    if missing or unknown or frame.empty or len(frame) > MAX_ROWS:
        return
    frame = frame.astype(object).reindex(columns=TEMPLATE[table]).fillna("")
    frame = frame.apply(lambda col: col.astype(str).str.strip())
    found.tables[table] = frame
    found.names[table] = name
