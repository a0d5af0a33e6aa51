"""Adding curated reviews safely: read a template (folder of CSVs or .xlsx), validate everything, then publish.

Nothing is written unless every check passes, and what is written is a new release beside the current one.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from tqdm import tqdm

from compliance import build, countries, release, rules, text
from compliance.values import parse_partial_date, parse_quantity

# A review's rows in the other template tables, replaced or kept with it.
CHILDREN = ("delegation", "stakeholders", "cases", "evidence")
# The template's columns are the curated files' and the Parquet tables' (one vocabulary): an import selects
# columns, it renames none. A review names its body (CAT, CCPR, ..., UPR) as the curated files do.
BODIES = sorted(rules.BODY_MAIN_INSTRUMENT)
TEMPLATE: dict[str, list[str]] = {
    "reviews": ["review_id", "iso3", "body", "session", "start_date", "end_date", "report_type",
                "report_number", "report_symbol", "submitted_date", "years_late_stated", "head_name", "head_title",
                "delegation_size", "source", "quote"],
    "reports": ["iso3", "instrument", "cycle", "symbol", "due_date", "submitted_date", "submitted_precision", "status",
                "status_as_of", "years_late_stated", "source", "quote"],
    "delegation": ["review_id", "name", "title", "institution", "institution_type", "is_head", "source", "quote"],
    "stakeholders": ["review_id", "stakeholder", "stakeholder_type", "participation", "source", "quote"],
    "cases": ["review_id", "case_label", "violation_type", "incident_date", "victims_count", "alleged_perpetrator",
              "outcome", "case_kind", "outcome_detail", "source", "quote"],
    "evidence": ["review_id", "field", "value", "source", "quote"],
}  # fmt: skip
REQUIRED = {
    "reviews": ["review_id", "iso3", "body", "session", "source", "quote"],
    "reports": ["iso3", "instrument", "cycle", "status", "source", "quote"],
    "delegation": ["review_id", "is_head", "source", "quote"],
    "stakeholders": ["review_id", "stakeholder", "stakeholder_type", "participation", "source", "quote"],
    "cases": ["review_id", "case_label", "violation_type", "case_kind", "source", "quote"],
    "evidence": ["review_id", "field", "value", "source", "quote"],
}
ALLOWED = {
    "institution_type": ["foreign_affairs", "justice", "interior_police", "defence_military", "intelligence",
                         "human_rights_ministry", "other_ministry", "judiciary", "prosecution", "legislature", "nhri",
                         "prison_service", "permanent_mission", "head_of_state_office", "other"],
    "stakeholder_type": ["nhri", "ngo", "international_ngo", "military", "intelligence", "police", "other"],
    "participation": ["absent_noted_by_committee", "submitted_information", "present", "other"],
    "outcome": ["convicted", "prosecuted", "disciplinary_proceedings", "investigation_ongoing", "no_information", "none"],
    "violation_type": ["torture", "enforced_disappearance", "extrajudicial_killing", "death_in_custody", "abduction",
                       "other"],
    "case_kind": ["named_case", "aggregate_figure", "delegation_statement", "pattern"],
    "status": ["submitted", "not_submitted"],
    "submitted_precision": ["day", "month", "year"],
    "is_head": ["true", "false"],
}  # fmt: skip
SOURCE = rf"^(https?://\S+|seed:[a-z0-9-]+|{text.UN_SYMBOL.pattern})$"
DAY = r"^\d{4}-\d{2}-\d{2}$"
PARTIAL = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_ROWS = 50_000
MAX_TEXT = 500
MAX_QUOTE = 1000


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, named by file, row (as the file counts lines) and column."""

    file: str
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.reason}"


@dataclass
class Input:
    """The tables read from a template, each with the name it had in the input."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class ImportRefused(Exception):
    """The input has problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s)")


def _is_date(value: str, pattern: str) -> bool:
    if not re.match(pattern, value):
        return False
    return parse_partial_date(value).value is not None


def _date_or_dated_text(value: str) -> bool:
    if re.fullmatch(PARTIAL, value):
        return parse_partial_date(value).value is not None
    return value == "not submitted" or bool(re.match(r"\d{4}\b", value)) and len(value) <= 100


def schema(table: str) -> pa.DataFrameSchema:
    """The per-column rules for one template table (types, formats, allowed values, lengths)."""
    checks: dict[str, list[pa.Check]] = {c: [] for c in TEMPLATE[table]}
    for col in TEMPLATE[table]:
        limit = MAX_QUOTE if col == "quote" else MAX_TEXT
        checks[col].append(
            pa.Check(lambda s, n=limit: s.str.len() <= n, element_wise=False, error=f"longer than {limit} characters")
        )
        for test, reason in text.IMPORT_CHECKS:
            checks[col].append(pa.Check(lambda v, t=test: not t(v), element_wise=True, error=reason))
        if col in ALLOWED:
            checks[col].append(pa.Check.isin(ALLOWED[col], error=f"not one of: {', '.join(ALLOWED[col])}"))
        if col == "source":
            checks[col].append(pa.Check.str_matches(SOURCE, error="not a URL, a UN document symbol or seed:<name>"))
        if col in ("start_date", "end_date", "status_as_of"):
            checks[col].append(
                pa.Check(lambda v: _is_date(v, DAY), element_wise=True, error="not a date as YYYY-MM-DD")
            )
        if col == "due_date" or (col == "submitted_date" and table == "reports"):
            checks[col].append(
                pa.Check(
                    lambda v: _is_date(v, PARTIAL), element_wise=True, error="not a date as YYYY, YYYY-MM or YYYY-MM-DD"
                )
            )
        if col == "incident_date" or (col == "submitted_date" and table == "reviews"):
            # Curated sources give these as prose too ("2010 onwards", "2015 (second report); 2016 (third report)").
            checks[col].append(
                pa.Check(
                    _date_or_dated_text,
                    element_wise=True,
                    error="not a date (YYYY, YYYY-MM, YYYY-MM-DD) nor text starting with a year, nor 'not submitted'",
                )
            )
        if col in ("session", "cycle"):
            checks[col].append(pa.Check.str_matches(r"^[1-9]\d{0,3}$", error="not a whole number"))
        if col == "iso3":
            checks[col].append(
                pa.Check(
                    lambda v: bool(re.fullmatch(r"[A-Z]{3}", v)) and countries.is_known_iso3(v),
                    element_wise=True,
                    error="not a known ISO3 code",
                )
            )
        if col == "instrument":
            allowed = sorted({i.code for i in rules.INSTRUMENTS if i.reporting})
            checks[col].append(pa.Check.isin(allowed, error=f"not a reporting instrument ({', '.join(allowed)})"))
        if col == "body":
            checks[col].append(pa.Check.isin(BODIES, error=f"not a treaty body or the UPR ({', '.join(BODIES)})"))
        if col in ("delegation_size", "victims_count", "years_late_stated"):
            checks[col].append(
                pa.Check(
                    lambda v: parse_quantity(v).value is not None,
                    element_wise=True,
                    error="not a number (a qualifier such as 'at least' may come first)",
                )
            )
    return pa.DataFrameSchema(
        {c: pa.Column(str, checks[c], nullable=c not in REQUIRED[table], required=False) for c in TEMPLATE[table]},
        strict=False,
    )  # fmt: skip


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
    import io

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


def validate(
    found: Input, states: set[str], in_force: dict[tuple[str, str], dt.date | None], existing_reviews: set[str]
) -> list[Problem]:
    """Every problem in the input at once: columns, then cross-row and cross-table checks."""
    problems = list(found.problems)
    tables = found.tables
    for table, frame in tqdm(
        tables.items(),
        desc="validating",
        unit="table",
        disable=sum(map(len, tables.values())) < 10_000,
        file=sys.stderr,
    ):
        name = found.names[table]
        problems += _column_problems(table, name, frame)
        for col in ("iso3",):
            if col in frame:
                for i, v in frame[col].items():
                    if v and re.fullmatch(r"[A-Z]{3}", v) and countries.is_known_iso3(v) and v not in states:
                        problems.append(Problem(name, i + 2, col, f"{v} is not a state the dashboard knows"))
    reviews = tables.get("reviews")
    new_ids = set()
    if reviews is not None:
        name = found.names["reviews"]
        for i, r in reviews.iterrows():
            row = i + 2
            if r.review_id in new_ids:
                problems.append(Problem(name, row, "review_id", f"duplicate review_id {r.review_id}"))
            new_ids.add(r.review_id)
            if (
                r.body in BODIES
                and r.session
                and r.iso3
                and not r.review_id.startswith(f"{r.body}-{r.session}-{r.iso3}")
            ):
                expected = f"{r.body}-{r.session}-{r.iso3}"
                problems.append(Problem(name, row, "review_id", f"should be {expected} (body-session-ISO3)"))
            start, end = parse_partial_date(r.start_date).value, parse_partial_date(r.end_date).value
            if start and end and end < start:
                problems.append(Problem(name, row, "end_date", "before start_date"))
            sub = parse_partial_date(r.submitted_date)
            if sub.value and start and sub.value > start:
                problems.append(Problem(name, row, "submitted_date", "after the review started"))
    known = new_ids | existing_reviews
    for table in ("delegation", "stakeholders", "cases", "evidence"):
        frame = tables.get(table)
        if frame is None:
            continue
        name = found.names[table]
        dupes = frame.duplicated(keep="first")
        for i, r in frame.iterrows():
            row = i + 2
            if r.review_id and r.review_id not in known:
                problems.append(
                    Problem(
                        name, row, "review_id", f"{r.review_id} is not in reviews.csv nor among the curated reviews"
                    )
                )
            if dupes[i]:
                problems.append(Problem(name, row, "-", "repeats an earlier row"))
            if table == "delegation":
                if not r["name"] and not r.institution:
                    problems.append(Problem(name, row, "name", "a row needs a name (a person) or an institution"))
                if r["name"] and r.institution_type and not r.institution:
                    problems.append(
                        Problem(name, row, "institution", "an institution type needs the institution it types")
                    )
    reports = tables.get("reports")
    if reports is not None:
        name = found.names["reports"]
        keys = reports[["iso3", "instrument", "cycle"]].apply(tuple, axis=1)
        for i, r in reports.iterrows():
            row = i + 2
            if keys.duplicated(keep="first")[i]:
                problems.append(
                    Problem(name, row, "cycle", "another row describes the same report (iso3, instrument, cycle)")
                )
            sub, due = parse_partial_date(r.submitted_date), parse_partial_date(r.due_date)
            if r.submitted_precision and sub.precision and r.submitted_precision != sub.precision:
                problems.append(Problem(name, row, "submitted_precision", f"the date is given to the {sub.precision}"))
            if r.status == "not_submitted" and r.submitted_date:
                problems.append(Problem(name, row, "submitted_date", "given for a report marked not_submitted"))
            force = in_force.get((r.iso3, r.instrument))
            if due.value and force and due.last_day <= force:
                problems.append(Problem(name, row, "due_date", f"not after entry into force ({force})"))
            if sub.value and due.value and sub.last_day < due.value - dt.timedelta(days=3650):
                problems.append(Problem(name, row, "submitted_date", "ten years before the due date"))
    return sorted(set(problems))


def _column_problems(table: str, name: str, frame: pd.DataFrame) -> list[Problem]:
    checked = frame.replace("", None)
    try:
        schema(table).validate(checked, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        out = []
        for case in cases.itertuples():
            row = int(case.index) + 2 if pd.notna(case.index) else 1
            reason = "empty: a value is required" if case.check == "not_nullable" else str(case.check)
            out.append(Problem(name, row, str(case.column), reason))
        return out
    return []


def to_curated(tables: dict[str, pd.DataFrame], state_names: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Template tables as curated files: the same columns, plus the state's name where the curated file has one."""
    out = {table: frame.copy() for table, frame in tables.items()}
    for table in ("reviews", "reports"):
        if table in out:
            out[table].insert(out[table].columns.get_loc("iso3"), "state", out[table]["iso3"].map(state_names))
    return out


def from_curated(
    curated: dict[str, pd.DataFrame], review_ids: set[str], report_keys: set[tuple[str, str, str]]
) -> dict[str, pd.DataFrame]:
    """The template tables holding the given reviews (and reports) exactly as curated: the inverse of to_curated."""
    out = {}
    for table in ("reviews", *CHILDREN):
        frame = curated[table].fillna("")
        out[table] = frame[frame.review_id.isin(review_ids)][TEMPLATE[table]]
    reports = curated["reports"].fillna("")
    out["reports"] = reports[reports[["iso3", "instrument", "cycle"]].apply(tuple, axis=1).isin(report_keys)][
        TEMPLATE["reports"]
    ]
    return out


@dataclass
class Plan:
    """What an import would do: the new curated tables, rows added per file, changes to existing reviews."""

    curated: dict[str, pd.DataFrame]
    added: dict[str, int]
    changes: list[str]
    conflicts: list[Problem]
    release: str | None = None  # the id of the release the import published


def plan(existing: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame], names: dict[str, str], replace: bool) -> Plan:
    """Merge new curated rows into the existing ones: identical bundles add nothing; changed ones need --replace."""
    # The same columns as the curated files, in their order, so that rows compare as they are stored.
    new = {k: v.reindex(columns=existing[k].columns) if set(v.columns) == set(existing[k].columns) else v
           for k, v in new.items()}  # fmt: skip
    merged = {k: v.copy() for k, v in existing.items()}
    added = {k: 0 for k in existing}
    changes: list[str] = []
    conflicts: list[Problem] = []
    if "reviews" in new:
        for i, row in enumerate(new["reviews"].itertuples(index=False)):
            rid = row.review_id
            new_bundle = _bundle(new, rid)
            old_bundle = _bundle(existing, rid)
            if not len(old_bundle["reviews"]):
                continue
            if _same(old_bundle, new_bundle):
                for key in new:
                    if key == "reviews" or key in CHILDREN:
                        new[key] = new[key][new[key].review_id != rid]
                continue
            diff = _describe(old_bundle, new_bundle)
            if not replace:
                conflicts.append(
                    Problem(
                        names.get("reviews", "reviews.csv"),
                        i + 2,
                        "review_id",
                        f"{rid} exists with different values ({diff}); use --replace to change it",
                    )
                )
                continue
            changes.append(f"{rid}: {diff}")
            # Only the tables the import brings are replaced; a review's other rows stay as they were.
            for key in ("reviews", *CHILDREN):
                if key in new:
                    merged[key] = merged[key][merged[key].review_id.fillna("") != rid]
    if "reports" in new:
        key_cols = ["iso3", "instrument", "cycle"]
        for i, row in enumerate(new["reports"].itertuples(index=False)):
            k = (row.iso3, row.instrument, row.cycle)
            old = merged["reports"][merged["reports"][key_cols].apply(tuple, axis=1) == k]
            if not len(old):
                continue
            if old.fillna("").iloc[0].tolist() == list(row):
                new["reports"] = new["reports"][new["reports"][key_cols].apply(tuple, axis=1) != k]
            elif replace:
                changes.append(f"report {'/'.join(k)}: replaced")
                merged["reports"] = merged["reports"][merged["reports"][key_cols].apply(tuple, axis=1) != k]
            else:
                conflicts.append(
                    Problem(
                        names.get("reports", "reports.csv"),
                        i + 2,
                        "cycle",
                        f"report {'/'.join(k)} exists with different values; use --replace to change it",
                    )
                )
    for key, frame in new.items():
        kept = set(map(tuple, merged[key].fillna("").astype(str).values.tolist()))
        before = set(map(tuple, existing[key].fillna("").astype(str).values.tolist()))
        fresh = frame[[tuple(map(str, r)) not in kept for r in frame.values.tolist()]]
        added[key] = sum(tuple(map(str, r)) not in before for r in fresh.values.tolist())
        merged[key] = pd.concat([merged[key], fresh.reindex(columns=merged[key].columns)], ignore_index=True)
    return Plan(merged, added, changes, conflicts)


def _bundle(tables: dict[str, pd.DataFrame], rid: str) -> dict[str, pd.DataFrame]:
    return {
        k: tables[k][tables[k].review_id.fillna("") == rid].fillna("").astype(str)
        for k in ("reviews", *CHILDREN)
        if k in tables
    }


def _same(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> bool:
    for key, frame in new.items():
        a = sorted(map(tuple, old.get(key, frame.iloc[0:0]).values.tolist()))
        b = sorted(map(tuple, frame.values.tolist()))
        if a != b:
            return False
    return True


def _describe(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> str:
    parts = []
    if len(old["reviews"]) and len(new.get("reviews", [])):
        o, n = old["reviews"].iloc[0], new["reviews"].iloc[0]
        parts += [f"{c}: {o[c]!r} -> {n[c]!r}" for c in o.index if c in n.index and o[c] != n[c]]
    for key in CHILDREN:
        if key in new:
            a = set(map(tuple, old.get(key, new[key].iloc[0:0]).values.tolist()))
            b = set(map(tuple, new[key].values.tolist()))
            if a != b:
                parts.append(f"{key}: {len(b - a)} row(s) new, {len(a - b)} row(s) gone")
    return "; ".join(parts) or "no visible change"


def write_release(root: Path, curated: Path, changed: dict[str, pd.DataFrame]) -> str:
    """Publish a new release: the current curated files with `changed` ones rewritten, and Parquet built from them.

    Nothing already on disk is touched: the release is written beside the current one and the pointer switched
    last, so a failure or a kill at any moment leaves the current release whole.
    """

    def write(folder: Path) -> None:
        target = folder / "curated"
        target.mkdir()
        for path in sorted(curated.iterdir()):
            if path.is_file() and path.suffix in (".csv", ".md") and path.stem not in changed:
                shutil.copyfile(path, target / path.name)
                release.checkpoint()
        for name, frame in sorted(changed.items()):
            frame.to_csv(target / f"{name}.csv", index=False, encoding="utf-8")
            release.checkpoint()
        build.write_release(build.build_tables(root / "sources", target), target, folder)

    return release.publish(root, write)


def _reference(folder: Path) -> tuple[set[str], dict[str, str], dict[tuple[str, str], dt.date | None]]:
    import pyarrow.parquet as pq

    states = pq.read_table(folder / "states.parquet").to_pandas()
    rat = pq.read_table(folder / "ratifications.parquet", columns=["iso3", "instrument", "in_force_date"]).to_pandas()
    in_force = {(r.iso3, r.instrument): r.in_force_date for r in rat.itertuples() if r.iso3}
    return set(states.iso3), dict(zip(states.iso3, states.name)), in_force


def run_import(path: Path, root: Path, dry_run: bool = False, replace: bool = False) -> Plan:
    """Validate `path` and, unless `dry_run`, merge it into `root`/curated and rebuild; raises ImportRefused."""
    found = read_input(path)
    current = release.resolve(root)
    known, names, in_force = _reference(current)
    existing = build.load_curated(current / "curated")
    problems = validate(found, known, in_force, set(existing["reviews"].review_id))
    if problems:
        raise ImportRefused(problems)
    new = to_curated(found.tables, names)
    result = plan(existing, new, found.names, replace)
    if result.conflicts:
        raise ImportRefused(result.conflicts)
    changed = {k for k, frame in result.curated.items() if not frame.equals(existing[k])}
    if not dry_run and changed:
        result.release = write_release(root, current / "curated", {k: result.curated[k] for k in changed})
    return result
