import streamlit as st

from compliance import charts, coverage, db, filters, ui

f = filters.current()
st.title("Case outcomes")
st.caption(
    "Named cases the committees raised in reviews and the outcome a source states ('no outcome stated' where none "
    "does). Aggregate figures, delegations' statements and patterns are shown as their sources state them and are "
    "never counted as cases. Below, individual complaints the treaty bodies decided."
)
ui.coverage(coverage.REVIEWS, coverage.COMPLAINTS, coverage.TREATY_TEXTS)
outcomes = ui.chart_rows("case_outcomes", f.scope(), "bars", limit=300)
counts = db.query("case_counts", f.scope()).iloc[0]
if not ui.empty_notice(outcomes, "named cases raised in reviews"):
    c1, c2, c3 = st.columns(3)
    c1.metric("Named cases raised", ui.figure(counts.named_cases))
    c2.metric("Of which convicted", ui.figure(counts.convicted))
    c3.metric("Figures and statements (not cases)", ui.figure(counts.not_cases))
    ui.chart(
        charts.spec(charts.bars, outcomes, "violation_type:N", "cases:Q", "outcome", "Violation", "Named cases"),
        f"{ui.figure(counts.named_cases)} named cases by violation and the outcome their sources state.",
    )
    ui.table("case_outcomes", f.scope(), "case-outcomes", "outcomes")
    st.subheader("Named cases, each with its source")
    st.caption("'Outcome in detail' qualifies an outcome that would mislead alone (convicted, then pardoned).")
    ui.table("case_list", f.scope(), "cases", "cases")
st.subheader("Figures, statements and patterns the reviews cite (not cases)")
if counts.not_cases == 0:
    st.info("No figures or statements about cases for these filters.")
else:
    ui.table("case_figures", f.scope(), "case-figures", "figures")

st.subheader("Who can be complained against")
st.caption(
    "Individuals can complain to a committee only about a state that accepted the procedure: by a declaration "
    "(CAT art. 22, ICERD art. 14, CPED art. 31, ICMW art. 77) or by joining the complaint protocol. Acceptance is "
    "read from the UN Treaty Collection's pages (2026-02-03); the decisions run to 2016-05-07. A decision against "
    "a state the pages do not show accepting is counted apart: a state that has since denounced the protocol "
    "(Jamaica, Trinidad and Tobago, Belarus under the ICCPR's), or one whose acceptance the pages do not record."
)
procedures = ui.table("complaint_procedure_counts", f.scope(), "complaint-procedures", "procedures",
                      empty="No complaint procedure is open to the states in scope.")  # fmt: skip
st.caption("Each state's acceptance, with the words of its declaration, is on its State profile.")

st.subheader("Individual complaints decided")
decisions = ui.chart_rows("complaints_by_decision", f.scope(), "bars", limit=500)
if not ui.empty_notice(decisions, "complaint decisions"):
    ui.chart(
        charts.spec(charts.bars, decisions, "decision_year:O", "decisions:Q", None, "Year of decision", "Decisions"),
        f"{ui.plural(int(decisions['decisions'].sum()), 'decision')} on individual complaints, by year.",
    )
    ui.table("complaints_by_decision", f.scope(), "complaints-by-decision", "decisions")
    ui.table("complaint_list", f.scope(), "complaints", "complaints")
