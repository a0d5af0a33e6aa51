import streamlit as st

from compliance import charts, db, filters, ui

f = filters.current()
st.title("UPR recommendations")
st.caption(
    "Recommendations states received in the Universal Periodic Review, sessions 1-20 (2008-2014), from UPR Info's "
    "database: accepted or noted, by issue and by recommending state. Years follow the sessions (three a year)."
)
by_state = db.query("upr_by_state", f.scope())
if not ui.empty_notice(by_state, "recommendations"):
    long = by_state.melt(id_vars=["state"], value_vars=["accepted", "noted"], var_name="response", value_name="count")
    top = long[long["state"].isin(by_state["state"].head(30))]
    st.altair_chart(
        charts.bars(top, "state:N", "count:Q", "response:N", "State under review", "Recommendations", sort="-y"),
        width="stretch",
    )
    ui.table(by_state, "upr-by-state", "by_state")
    st.subheader("By issue")
    issues = db.query("upr_by_issue", f.scope())
    st.altair_chart(
        charts.bars(
            issues.head(40), "issue:N", "recommendations:Q", "response:N", "Issue", "Recommendations", sort="-y"
        ),
        width="stretch",
    )
    ui.table(issues, "upr-by-issue", "issues")
    st.subheader("By recommending state (top 25)")
    ui.table(db.query("upr_by_recommender", f.scope()), "upr-by-recommender", "recommenders")
    st.subheader("On the treaty bodies and late reports")
    ui.table(db.query("upr_treaty_bodies", f.scope()), "upr-treaty-bodies", "treaty_bodies")
