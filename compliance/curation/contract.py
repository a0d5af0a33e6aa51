"""The import template's contract: its tables and columns (the curated files' and the Parquet's own names), which
are required, the values a coded column allows, and the per-column checks; a problem is named by file, row and column."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandera.pandas as pa

from compliance import countries, rules, text
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
    checks = {col: _column_checks(table, col) for col in TEMPLATE[table]}
    return pa.DataFrameSchema(
        {c: pa.Column(str, checks[c], nullable=c not in REQUIRED[table], required=False) for c in TEMPLATE[table]},
        strict=False,
    )


def _column_checks(table: str, col: str) -> list[pa.Check]:
    """The checks of one column. Long: one short branch per kind of column, read as a table of rules."""
    out: list[pa.Check] = []
    limit = MAX_QUOTE if col == "quote" else MAX_TEXT
    out.append(
        pa.Check(lambda s, n=limit: s.str.len() <= n, element_wise=False, error=f"longer than {limit} characters")
    )
    for test, reason in text.IMPORT_CHECKS:
        out.append(pa.Check(lambda v, t=test: not t(v), element_wise=True, error=reason))
    if col in ALLOWED:
        out.append(pa.Check.isin(ALLOWED[col], error=f"not one of: {', '.join(ALLOWED[col])}"))
    if col == "source":
        out.append(pa.Check.str_matches(SOURCE, error="not a URL, a UN document symbol or seed:<name>"))
    if col in ("start_date", "end_date", "status_as_of"):
        out.append(pa.Check(lambda v: _is_date(v, DAY), element_wise=True, error="not a date as YYYY-MM-DD"))
    if col == "due_date" or (col == "submitted_date" and table == "reports"):
        out.append(
            pa.Check(
                lambda v: _is_date(v, PARTIAL), element_wise=True, error="not a date as YYYY, YYYY-MM or YYYY-MM-DD"
            )
        )
    if col == "incident_date" or (col == "submitted_date" and table == "reviews"):
        # Curated sources give these as prose too ("2010 onwards", "2015 (second report); 2016 (third report)").
        out.append(
            pa.Check(
                _date_or_dated_text,
                element_wise=True,
                error="not a date (YYYY, YYYY-MM, YYYY-MM-DD) nor text starting with a year, nor 'not submitted'",
            )
        )
    if col in ("session", "cycle"):
        out.append(pa.Check.str_matches(r"^[1-9]\d{0,3}$", error="not a whole number"))
    if col == "iso3":
        out.append(
            pa.Check(
                lambda v: bool(re.fullmatch(r"[A-Z]{3}", v)) and countries.is_known_iso3(v),
                element_wise=True,
                error="not a known ISO3 code",
            )
        )
    if col == "instrument":
        allowed = sorted({i.code for i in rules.INSTRUMENTS if i.reporting})
        out.append(pa.Check.isin(allowed, error=f"not a reporting instrument ({', '.join(allowed)})"))
    if col == "body":
        out.append(pa.Check.isin(BODIES, error=f"not a treaty body or the UPR ({', '.join(BODIES)})"))
    if col in ("delegation_size", "victims_count", "years_late_stated"):
        out.append(
            pa.Check(
                lambda v: parse_quantity(v).value is not None,
                element_wise=True,
                error="not a number (a qualifier such as 'at least' may come first)",
            )
        )
    return out
