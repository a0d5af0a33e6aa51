"""The one definition of every shipped table: its columns and their kinds, checked by the build and on opening.

The build refuses to write a table that does not match; the app refuses to open one (and names it), so a
broken file takes down only the pages that need it. Kinds, not exact Arrow types: text may be stored as
string or large_string, depending on the writer.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

TEXT, DATE, INT, FLOAT, BOOL = "text", "date", "integer", "number", "true/false"

_T, _D, _I, _F, _B = TEXT, DATE, INT, FLOAT, BOOL
TABLES: dict[str, dict[str, str]] = {
    "cases": {"review_id": _T, "case_label": _T, "violation_type": _T, "case_kind": _T, "incident_date": _D,
              "incident_precision": _T, "incident_text": _T, "victims_count": _I, "victims_qualifier": _T,
              "victims_text": _T, "alleged_perpetrator": _T, "outcome": _T, "outcome_detail": _T, "source": _T,
              "quote": _T},
    "committee_figures": {"committee": _T, "report_symbol": _T, "period_start": _D, "period_end": _D,
                          "as_at_date": _D, "figure": _T, "value": _I, "source": _T, "quote": _T},
    "complaints": {"symbol": _T, "committee": _T, "iso3": _T, "state": _T, "decision_type": _T,
                   "submission_date": _D, "decision_date": _D, "views_date": _D, "admission_date": _D, "session": _T,
                   "communication": _T, "author": _T, "articles": _T, "issues": _T},
    "delegation": {"review_id": _T, "kind": _T, "name": _T, "title": _T, "institution": _T, "institution_type": _T,
                   "is_head": _B, "source": _T, "quote": _T},
    "evidence": {"review_id": _T, "field": _T, "value": _T, "source": _T, "quote": _T},
    "instruments": {"instrument": _T, "position": _I, "name": _T, "untc_no": _T, "committee": _T, "reporting": _B,
                    "treaty_in_force_date": _D, "in_force_article": _T, "initial_due_years": _I,
                    "initial_due_article": _T},
    "ratifications": {"iso3": _T, "participant": _T, "instrument": _T, "signature_date": _D, "action_date": _D,
                      "action_year": _I, "action_type": _T, "in_force_date": _D, "denounced": _B, "notes": _T,
                      "as_of": _D, "source": _T, "action_date_2015": _D, "date_disagrees_2015": _B,
                      "party_2022": _B, "year_2022": _I, "year_disagrees_2022": _B},
    "ratification_checks": {"iso3": _T, "participant": _T, "instrument": _T, "finding": _T, "value": _T,
                            "other_source": _T, "other_value": _T, "note": _T, "historical": _B},
    "treaty_texts": {"instrument": _T, "participant": _T, "section": _T, "kind": _T, "heading": _T,
                     "text_date": _D, "date_text": _T, "text": _T, "about_participant": _T, "note": _T, "iso3": _T,
                     "about_iso3": _T, "source": _T, "piece": _I},
    "complaint_acceptance": {"iso3": _T, "participant": _T, "committee": _T, "procedure": _T, "instrument": _T,
                             "party_instrument": _T, "article": _T, "source": _T, "accepted": _B, "accepted_date": _D, "basis": _T,
                             "quote": _T},
    "report_statuses": {"iso3": _T, "state": _T, "instrument": _T, "cycle": _I, "cycle_text": _T,
                        "report_label": _T, "symbol": _T, "due_date": _D, "due_precision": _T,
                        "submitted_date": _D, "submitted_precision": _T, "status": _T, "status_as_of": _D,
                        "status_as_of_precision": _T, "doc_symbol": _T, "source": _T, "quote": _T, "notes": _T},
    "reports": {"iso3": _T, "instrument": _T, "cycle": _I, "last_cycle": _I, "cycle_label": _T, "symbol": _T,
                "in_force_date": _D, "due_date": _D, "due_rule": _T, "due_date_stated": _D,
                "due_date_stated_precision": _T, "submitted_date": _D, "submitted_latest": _D,
                "submitted_precision": _T, "submitted_text": _T, "submitted_basis": _T, "submitted_other": _T,
                "submitted_known_as_of": _D, "unsubmitted_as_of": _D, "unsubmitted_source": _T,
                "unsubmitted_quote": _T, "status": _T, "status_as_of": _D, "status_as_of_precision": _T, "years_late_stated": _F,
                "years_late_qualifier": _T, "years_late_text": _T, "years_late_source": _T, "years_late_quote": _T,
                "review_id": _T, "reviewed_date": _D, "source": _T, "quote": _T, "submitted_source": _T,
                "submitted_quote": _T, "statements": _I},
    "reviews": {"review_id": _T, "body": _T, "instrument": _T, "session": _I, "iso3": _T, "state": _T,
                "report_type": _T, "report_number": _T, "report_symbol": _T, "start_date": _D, "end_date": _D,
                "submitted_date": _D, "submitted_precision": _T, "submitted_text": _T, "years_late_stated": _F,
                "years_late_qualifier": _T, "years_late_text": _T, "head_name": _T, "head_title": _T,
                "delegation_size": _I, "delegation_size_source": _T, "source": _T, "quote": _T},
    "sessions": {"body": _T, "session": _I, "states_reviewed": _T, "source": _T, "quote": _T},
    "stakeholders": {"review_id": _T, "stakeholder": _T, "stakeholder_type": _T, "participation": _T, "source": _T,
                     "quote": _T},
    "states": {"iso3": _T, "name": _T, "un_regional_group": _T, "un_member": _B},
    "upr_recommendations": {"iso3": _T, "state": _T, "recommending_iso3": _T, "recommending_state": _T,
                            "recommending_group": _T, "session": _I, "text": _T, "response": _T,
                            "action_category": _I, "issues": _T, "source_file": _T,
                            "source_record": _I},
}  # fmt: skip


class SchemaError(ValueError):
    """A table does not have the columns or kinds its definition gives."""


def kind(arrow_type: pa.DataType) -> str:
    """The kind an Arrow type stores."""
    if pa.types.is_null(arrow_type):
        return "empty"  # a column with no values yet (a writer infers no type): fits any kind
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return TEXT
    if pa.types.is_date(arrow_type) or pa.types.is_timestamp(arrow_type):
        return DATE
    if pa.types.is_integer(arrow_type):
        return INT
    if pa.types.is_floating(arrow_type):
        return FLOAT
    if pa.types.is_boolean(arrow_type):
        return BOOL
    return str(arrow_type)


def problems(name: str, arrow_schema: pa.Schema) -> list[str]:
    """What is wrong with a table's schema, in words; empty when it matches its definition."""
    expected = TABLES[name]
    found = {f.name: kind(f.type) for f in arrow_schema}
    out = [f"column {col!r} is missing" for col in expected if col not in found]
    out += [
        f"column {col!r} holds {found[col]}, not {want}"
        for col, want in expected.items()
        if col in found and found[col] not in (want, "empty")
    ]
    return out


def check_file(name: str, path) -> str | None:
    """Why the Parquet file for table `name` cannot be used, or None when it can (reads only the footer).

    `path` is a local path, or the object's bytes already fetched (None when there is no such object).
    """
    if path is None or (not isinstance(path, bytes) and not path.is_file()):
        return "the file is missing"
    try:
        if isinstance(path, bytes):
            arrow_schema = pq.read_schema(pa.BufferReader(path))
        else:
            arrow_schema = pq.read_schema(path)
    except (pa.ArrowException, OSError) as err:
        return f"the file is not readable Parquet ({str(err).splitlines()[0][:160]})"
    found = problems(name, arrow_schema)
    return "; ".join(found) if found else None


ARROW = {TEXT: pa.string(), DATE: pa.date32(), INT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_()}
PANDAS = {TEXT: object, INT: "Int64", FLOAT: "Float64", BOOL: "boolean"}


def to_arrow(name: str, frame) -> pa.Table:
    """The frame as an Arrow table with exactly the types its definition gives, whatever pandas inferred.

    An empty table or an all-empty column would otherwise be written as another type.
    """
    unknown = [c for c in frame.columns if c not in TABLES[name]]
    if unknown:
        raise SchemaError(f"{name}: columns {unknown} are not in the definition")
    kinds = TABLES[name]
    out = frame.copy()
    for col in out.columns:
        if kinds[col] in (TEXT, DATE):
            out[col] = out[col].astype(object).where(out[col].notna(), None)
        elif kinds[col] in PANDAS:
            out[col] = out[col].astype(object).where(out[col].notna(), None).astype(PANDAS[kinds[col]])
    fields = [pa.field(col, ARROW[kinds[col]]) for col in out.columns]
    return pa.Table.from_pandas(out, schema=pa.schema(fields), preserve_index=False)


def check_names(tables: dict) -> None:
    """Refuse a release that does not hold exactly the defined tables."""
    if set(tables) != set(TABLES):
        raise SchemaError(f"tables built {sorted(tables)} differ from the definitions {sorted(TABLES)}")


def check_written(name: str, arrow_schema: pa.Schema) -> None:
    """Refuse to write a table whose columns differ from its definition (missing, extra, or of another kind)."""
    found = problems(name, arrow_schema)
    found += [f"column {c!r} is not in the definition" for c in arrow_schema.names if c not in TABLES[name]]
    if found:
        raise SchemaError(f"{name}: " + "; ".join(found))
