"""The human words pages show: one label per column and per coded value. Data, SQL and CSVs keep the codes."""

from __future__ import annotations

import pandas as pd

COLUMNS = {
    "accepted": "Accepted", "accepted_pct": "Accepted %", "action_date": "Ratified (or acceded) on",
    "action_type": "How it joined", "action_year": "Year joined", "alleged_perpetrator": "Alleged perpetrator",
    "articles": "Articles", "as_at_date": "As at", "as_of": "Source as at", "author": "Author", "body": "Body",
    "case_kind": "What it is", "case_label": "Case", "cases": "Named cases", "committee": "Committee",
    "complete": "Every status known", "cycle": "Cycle", "cycle_label": "Report", "date_label": "Date as stated",
    "date_precision": "Date precision", "days_late_max": "Days late (at most)", "days_late_min": "Days late (at least)",
    "days_overdue": "Days overdue (at least)", "decision_date": "Decided on", "decision_type": "Decision",
    "decision_year": "Year decided", "decisions": "Decisions", "delegation_size": "Delegation size (as stated)",
    "delegation_size_source": "Size: source", "due_date": "Due (treaty's rule)", "due_date_disagrees": "Stated due date differs",
    "due_date_stated": "Due (as a source states)", "due_rule": "Due-date rule", "end_date": "Review ended",
    "field": "Field", "figure": "Figure", "head_name": "Head of delegation", "head_title": "Head's title",
    "in_force_date": "In force for the state", "incident_when": "When", "institution": "Institution",
    "institution_type": "Institution type", "institution_types": "Institution types shown",
    "institutions": "Institutions", "instrument": "Instrument", "instruments_ratified": "Reporting instruments ratified",
    "intelligence": "Intelligence shown", "is_head": "Head", "iso3": "ISO3", "issue": "Issue", "issues": "Issues",
    "kind": "Person or institution", "lateness_basis": "Lateness counted from", "milestone": "Milestone",
    "milestone_date": "Date", "military": "Military shown", "name": "Name", "named_members": "Named members",
    "nhri": "NHRI shown", "noted": "Noted", "on_time_share": "On-time share %", "outcome": "Outcome stated",
    "outcome_detail": "Outcome in detail", "overdue": "Overdue", "participation": "Took part as",
    "period_end": "Period ended", "period_start": "Period began", "police": "Police shown", "quote": "Source's words",
    "ratification_source": "Ratification: source", "ratified_date": "Ratified", "ratified_year": "Year ratified",
    "received": "Received", "recommendations": "Recommendations", "recommending_group": "Recommending group",
    "recommending_iso3": "Recommending ISO3", "recommending_state": "Recommending state", "report": "Report",
    "report_symbol": "Report symbol", "report_type": "Report type", "reporting": "Reports due", "reports": "Reports",
    "response": "Response", "review_id": "Review", "reviewed_date": "Reviewed", "reviews": "Reviews",
    "session": "Session", "session_year": "Year (from the session)", "signature_date": "Signed",
    "source": "Source", "source_file": "Source file", "sources_disagree": "Sources give other titles",
    "stakeholder": "Stakeholder", "stakeholder_type": "Stakeholder type", "stakeholders": "Stakeholders",
    "start_date": "Review began", "state": "State", "status": "Status in the source", "status_as_at": "Status as at",
    "status_known": "Statuses known", "status_on_date": "Status on the as-of date", "submission_date": "Submitted on",
    "submitted_label": "Submitted", "submitted_precision": "Submission date precision",
    "submitted_quote": "Submission: source's words", "submitted_source": "Submission: source", "symbol": "Symbol",
    "text": "Recommendation", "title": "Title", "un_regional_group": "UN regional group", "value": "Value",
    "victims": "Victims", "violation_type": "Violation", "voluntary_pledges": "Voluntary pledges",
    "year_2022": "Year in OHCHR's 2022 status", "year_disagrees_2022": "2022 status gives another year",
    "years_late": "Years late (treaty's rule)", "years_late_qualifier": "Stated lateness qualifier",
    "years_late_quote": "Stated lateness: source's words", "years_late_source": "Stated lateness: source",
    "years_late_stated": "Years late (as a source states)", "years_overdue": "Years overdue (at least)",
    "named_cases": "Named cases", "convicted": "Convicted", "not_cases": "Figures and statements (not cases)",
    "table_name": "Table", "row_count": "Rows", "holds": "Holds", "problem": "Problem",
    "procedure": "Complaints by", "article": "Accepted under", "accepted_date": "Complaints possible since",
    "basis": "How the page shows it", "heading": "Heading on the page", "text_date": "Dated",
    "date_text": "Date as printed", "note": "Note no.", "objecting_state": "Objecting state",
    "state_as_written": "State (as the source writes it)", "report_label": "Report (as the source names it)",
    "report_number": "Report number (as stated)", "doc_symbol": "Document", "notes": "Notes",
    "known_level": "What the record knows", "finding": "Finding", "other_source": "Other source",
    "other_value": "Other source's value", "historical": "Maps to no current state", "participant": "Participant",
    "parties_open_to": "Parties it is open to", "states_accepting": "States accepting",
    "earliest_accepted_date": "First acceptance (dated)", "decisions_accepting": "Decisions: against accepting states",
    "decisions_not_accepting": "Decisions: against states not shown accepting", "action_date_2015": "Date in 2015 snapshot",
    "date_disagrees_2015": "2015 snapshot differs", "submitted_basis": "Submission shown by",
    "submitted_other": "Other submission dates (sources)", "piece": "Piece",
    "standing": "Standing on the as-of date", "due_note": "Due date of a periodic report",
    "states": "States", "instruments_party": "Instruments party to", "overdue_known": "Reports known overdue",
    "procedures_accepted": "Complaint procedures accepted", "measure": "Measure", "event_date": "Date", "event": "Event", "uid": "Calendar UID", "communication": "Communication no.", "source_record": "Record in the source file", "text_kind": "What it is", "value_2026": "On the 2026-02-03 page", "page_text": "Text as the page prints it",
}  # fmt: skip

VALUES = {
    "outcome": {"convicted": "convicted", "prosecuted": "prosecuted", "disciplinary_proceedings": "disciplinary proceedings",
                "investigation_ongoing": "investigation ongoing", "no_information": "no outcome stated",
                "none": "nothing done"},
    "violation_type": {"torture": "torture", "enforced_disappearance": "enforced disappearance",
                       "extrajudicial_killing": "extrajudicial killing", "death_in_custody": "death in custody",
                       "abduction": "abduction", "other": "other"},
    "case_kind": {"named_case": "named case", "aggregate_figure": "aggregate figure (not a case)",
                  "delegation_statement": "delegation's statement (not a case)",
                  "pattern": "pattern of violations (not a case)"},
    "participation": {"absent_noted_by_committee": "absent (noted by the committee)", "present": "present",
                      "submitted_information": "submitted information", "other": "other"},
    "stakeholder_type": {"nhri": "NHRI", "ngo": "NGO", "international_ngo": "international NGO", "military": "military",
                         "intelligence": "intelligence", "police": "police", "other": "other"},
    "institution_type": {"foreign_affairs": "foreign affairs", "justice": "justice", "interior_police": "interior / police",
                         "defence_military": "defence / military", "intelligence": "intelligence",
                         "human_rights_ministry": "human-rights ministry", "other_ministry": "other ministry",
                         "judiciary": "judiciary", "prosecution": "prosecution", "legislature": "legislature",
                         "nhri": "NHRI", "prison_service": "prison service", "permanent_mission": "permanent mission",
                         "head_of_state_office": "head of state's office", "other": "other"},
    "status": {"submitted": "submitted", "not_submitted": "not submitted", "unknown": "no source"},
    "procedure": {"individual": "individuals", "inter-state": "other states"},
    "kind": {"person": "person", "institution": "institution"},
}  # fmt: skip

# The status a report has on the as-of date, in the order charts and legends list them.
STATUSES = [
    "submitted",
    "submitted (date not known)",
    "not yet due",
    "overdue",
    "overdue when last known",
    "status not known",
    "due date not known",
]


def column(name: str) -> str:
    """The label of a column; a column without one keeps its name, spaced."""
    return COLUMNS.get(name, name.replace("_", " "))


def humanise(frame: pd.DataFrame) -> pd.DataFrame:
    """For display: coded values as words (lists of codes too); the codes stay in the data and the CSV."""
    out = frame.copy()
    for col, words in VALUES.items():
        if col in out.columns:
            out[col] = out[col].map(lambda v, w=words: w.get(v, v) if isinstance(v, str) else v)
    if "institution_types" in out.columns:
        words = VALUES["institution_type"]
        out["institution_types"] = out["institution_types"].map(
            lambda v: (
                ", ".join(words.get(x, x) for x in list(v))
                if hasattr(v, "__len__") and not isinstance(v, str)
                else None
            )
        )
    return out
