"""Validate an import: every column's checks, then the checks across rows and tables, all problems at once."""

from __future__ import annotations

import datetime as dt
import re
import sys

import pandas as pd
import pandera.pandas as pa
from tqdm import tqdm

from compliance import countries
from compliance.curation.contract import BODIES, Problem, schema
from compliance.curation.read import Input
from compliance.values import parse_partial_date


def validate(
    found: Input, states: set[str], in_force: dict[tuple[str, str], dt.date | None], existing_reviews: set[str]
) -> list[Problem]:
    """Every problem in the input at once: columns, then cross-row and cross-table checks."""
    problems = list(found.problems)
    tables = found.tables
    big = sum(map(len, tables.values())) >= 10_000
    for table, frame in tqdm(tables.items(), desc="validating", unit="table", disable=not big, file=sys.stderr):
        problems += _column_problems(table, found.names[table], frame)
        problems += _state_problems(found.names[table], frame, states)
    new_ids: set[str] = set()
    if "reviews" in tables:
        problems += _review_problems(found.names["reviews"], tables["reviews"], new_ids)
    for table in ("delegation", "stakeholders", "cases", "evidence"):
        if table in tables:
            problems += _child_problems(table, found.names[table], tables[table], new_ids | existing_reviews)
    if "reports" in tables:
        problems += _report_problems(found.names["reports"], tables["reports"], in_force)
    return sorted(set(problems))


def _state_problems(name: str, frame: pd.DataFrame, states: set[str]) -> list[Problem]:
    """A well-formed ISO3 code the dashboard has no state for."""
    if "iso3" not in frame:
        return []
    return [
        Problem(name, i + 2, "iso3", f"{v} is not a state the dashboard knows")
        for i, v in frame["iso3"].items()
        if v and re.fullmatch(r"[A-Z]{3}", v) and countries.is_known_iso3(v) and v not in states
    ]


def _review_problems(name: str, reviews: pd.DataFrame, new_ids: set[str]) -> list[Problem]:
    """Each review once, its id BODY-SESSION-ISO3, its dates in order; fills `new_ids` with the ids seen."""
    problems = []
    for i, r in reviews.iterrows():
        row = i + 2
        if r.review_id in new_ids:
            problems.append(Problem(name, row, "review_id", f"duplicate review_id {r.review_id}"))
        new_ids.add(r.review_id)
        expected = f"{r.body}-{r.session}-{r.iso3}"
        if r.body in BODIES and r.session and r.iso3 and not r.review_id.startswith(expected):
            problems.append(Problem(name, row, "review_id", f"should be {expected} (body-session-ISO3)"))
        start, end = parse_partial_date(r.start_date).value, parse_partial_date(r.end_date).value
        if start and end and end < start:
            problems.append(Problem(name, row, "end_date", "before start_date"))
        sub = parse_partial_date(r.submitted_date)
        if sub.value and start and sub.value > start:
            problems.append(Problem(name, row, "submitted_date", "after the review started"))
    return problems


def _child_problems(table: str, name: str, frame: pd.DataFrame, known: set[str]) -> list[Problem]:
    """A review's other rows: of a known review, not repeated; a delegation row names a person or an institution."""
    problems = []
    dupes = frame.duplicated(keep="first")
    for i, r in frame.iterrows():
        row = i + 2
        if r.review_id and r.review_id not in known:
            why = f"{r.review_id} is not in reviews.csv nor among the curated reviews"
            problems.append(Problem(name, row, "review_id", why))
        if dupes[i]:
            problems.append(Problem(name, row, "-", "repeats an earlier row"))
        if table == "delegation" and not r["name"] and not r.institution:
            problems.append(Problem(name, row, "name", "a row needs a name (a person) or an institution"))
        if table == "delegation" and r["name"] and r.institution_type and not r.institution:
            problems.append(Problem(name, row, "institution", "an institution type needs the institution it types"))
    return problems


def _report_problems(name: str, reports: pd.DataFrame, in_force: dict) -> list[Problem]:
    """One row per report; dates consistent with the status, the precision given and entry into force."""
    problems = []
    repeated = reports[["iso3", "instrument", "cycle"]].apply(tuple, axis=1).duplicated(keep="first")
    for i, r in reports.iterrows():
        row = i + 2
        if repeated[i]:
            why = "another row describes the same report (iso3, instrument, cycle)"
            problems.append(Problem(name, row, "cycle", why))
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
    return problems


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
