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
ui.coverage(coverage.RATIFICATIONS, coverage.REVIEWS, coverage.UPR, coverage.COMPLAINTS)
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
    "Party on the as-of date, since when and in force when (UNTC 2015; a later party from OHCHR's 2022 status, by year only)."
)
ui.table("state_instruments", None, "state-instruments", "instruments", params={"iso3": iso3, "as_of": f.as_of})
sections = [
    ("Reports and delays", "report_delays", "reporting-delays"),
    ("Reviews", "review_list", "reviews"),
    ("Delegations", "delegation_members", "delegation-members"),
    ("Stakeholders", "stakeholder_list", "stakeholders"),
    ("Named cases raised", "case_list", "cases"),
    ("Figures and statements about cases (not cases)", "case_figures", "case-figures"),
    ("Further sources and disagreements", "evidence_list", "evidence"),
    ("Individual complaints", "complaint_list", "complaints"),
    ("UPR recommendations on the treaty bodies", "upr_treaty_bodies", "upr-treaty-bodies"),
    ("UPR recommendations received", "upr_by_state", "upr-by-state"),
]
for title, sql_name, what in sections:
    st.subheader(title)
    ui.table(sql_name, one, what, sql_name, empty=f"Nothing recorded under {title.lower()} for these filters.")
