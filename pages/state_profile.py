import streamlit as st

from compliance import coverage, db, filters, ui
from compliance.text import plain

f = filters.current()
st.title("State profile")
if len(f.states) != 1:
    st.info("Choose one state in the filter bar (or open `/state?state=PAK`) to see its whole record.")
    st.stop()
iso3 = f.states[0]
one = {**f.scope(), "state": [iso3]}
name = db.query("states_list").set_index("iso3").loc[iso3, "name"]
st.header(plain(name))
ui.coverage(*coverage.RECORD)
narrowed = [
    text
    for text, on in (
        (f"instruments {', '.join(f.instruments)}", f.instruments),
        (f"years {f.year_from or '…'}–{f.year_to or '…'}", f.year_from or f.year_to),
        (f"as of {f.as_of:%Y-%m-%d}", True),
    )
    if on
]
st.caption(plain("Shown for: " + "; ".join(narrowed) + ". A section that is empty holds nothing for these filters."))

st.subheader("Instruments")
st.caption(
    "Standing on the as-of date, since when and in force when, from the UN Treaty Collection's pages as at "
    "2026-02-03; the 2015 snapshot's date and OHCHR's 2022 year beside them, flagged where they differ. A "
    "participant that has since denounced an instrument is shown as denounced (the page brackets its dates)."
)
ui.table("state_instruments", None, "state-instruments", "instruments", params={"iso3": iso3, "as_of": f.as_of})
st.subheader("Reporting calendar")
ui.calendar_links([(f"{name}'s reporting calendar", f"{iso3}.ics")])
ui.table("calendar_events", one, "calendar", "calendar", empty="No due date or review is known for these filters.")

# Each section: its title, query, CSV name, and what a reader needs to know to read it (or None).
sections = [
    ("What the record knows", "knowledge_matrix", "knowledge", "For each reporting instrument the state is party "
     "to: ratification only, a due date (the treaty's rule), a report status a source states, or a review."),
    ("Who can complain against it", "complaint_procedures", "complaint-procedures", "Each complaint procedure open "
     "to the state, accepted or not: read from its declarations (quoted) or its party status to the complaint "
     "protocol. 'Complaints possible since' is the date the page prints; 'not known' where it prints none."),
    ("Reservations, declarations and withdrawals", "treaty_text_list", "treaty-texts",
     "As the UN Treaty Collection's pages print them on 2026-02-03, with their dates and notes."),
    ("Objections other states lodged", "objections_received", "objections-received", None),
    ("Report statuses as each source states them", "state_report_statuses", "report-statuses", "One row per source "
     "and date. A row that names no report stays a statement about the state's reporting, never a report's."),
    ("Reports and delays", "report_delays", "reporting-delays", None),
    ("Reviews", "review_list", "reviews", None),
    ("Delegations", "delegation_members", "delegation-members", None),
    ("Stakeholders", "stakeholder_list", "stakeholders", None),
    ("Named cases raised", "case_list", "cases", None),
    ("Figures and statements about cases (not cases)", "case_figures", "case-figures", None),
    ("Further sources and disagreements", "evidence_list", "evidence", None),
    ("Individual complaints", "complaint_list", "complaints", None),
    ("UPR recommendations on the treaty bodies", "upr_treaty_bodies", "upr-treaty-bodies", None),
    ("UPR recommendations received", "upr_by_state", "upr-by-state", None),
]  # fmt: skip
for title, sql_name, what, note in sections:
    st.subheader(title)
    if note:
        st.caption(note)
    ui.table(sql_name, one, what, sql_name, empty=f"Nothing recorded under {title.lower()} for these filters.")
