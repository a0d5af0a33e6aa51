import streamlit as st

from compliance import db, filters, ui

f = filters.current()
st.title("State profile")
if len(f.states) != 1:
    st.info("Choose one state in the filter bar (or open `/state?state=PAK`) to see its whole record.")
    st.stop()
iso3 = f.states[0]
one = {**f.scope(), "state": [iso3]}
name = db.query("states_list").set_index("iso3").loc[iso3, "name"]
st.header(ui.plain(name))

st.subheader("Instruments")
st.caption("Party, since when and in force when (UNTC 2015; a later party from OHCHR's 2022 status by year only).")
ui.table("state_instruments", None, "state-instruments", "instruments", params={"iso3": iso3})
sections = [
    ("Reports and delays", "report_delays", "reporting-delays"),
    ("Reviews", "reviews_in_scope", "reviews"),
    ("Delegations", "delegation_members", "delegation-members"),
    ("Stakeholders", "stakeholders_in_scope", "stakeholders"),
    ("Cases raised", "cases_in_scope", "cases"),
    ("Further sources and disagreements", "evidence_in_scope", "evidence"),
    ("Individual complaints", "complaints_in_scope", "complaints"),
    ("UPR recommendations on the treaty bodies", "upr_treaty_bodies", "upr-treaty-bodies"),
    ("UPR recommendations received", "upr_by_state", "upr-by-state"),
]
for title, sql_name, what in sections:
    st.subheader(title)
    if db.count(sql_name, one):
        ui.table(sql_name, one, what, sql_name)
    else:
        st.info(f"No {title.lower()} recorded.")
