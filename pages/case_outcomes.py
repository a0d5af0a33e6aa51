import streamlit as st

from compliance import charts, db, filters, ui

f = filters.current()
st.title("Case outcomes")
st.caption(
    "Cases the committees raised in reviews and the outcome a source states; `not known` where none does. "
    "Below, individual complaints the treaty bodies decided (to May 2016)."
)
outcomes = db.query("case_outcomes", f.scope())
if not ui.empty_notice(outcomes, "cases raised in reviews"):
    c1, c2 = st.columns(2)
    c1.metric("Cases raised", f"{outcomes['cases'].sum():,}")
    c2.metric("Convictions", f"{outcomes.loc[outcomes['outcome'] == 'convicted', 'cases'].sum():,}")
    st.altair_chart(
        charts.bars(outcomes, "violation_type:N", "cases:Q", "outcome:N", "Violation type", "Cases"), width="stretch"
    )
    ui.table("case_outcomes", f.scope(), "case-outcomes", "outcomes")
    st.subheader("Cases, each with its source")
    ui.table("cases_in_scope", f.scope(), "cases", "cases")

st.subheader("Individual complaints decided")
decisions = db.query("complaints_by_decision", f.scope())
if not ui.empty_notice(decisions, "complaint decisions"):
    st.altair_chart(
        charts.bars(decisions, "decision_year:O", "decisions:Q", "decision_type:N", "Year of decision", "Decisions"),
        width="stretch",
    )
    ui.table("complaints_by_decision", f.scope(), "complaints-by-decision", "decisions")
    ui.table("complaints_in_scope", f.scope(), "complaints", "complaints")
