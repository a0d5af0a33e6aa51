import streamlit as st

from compliance import charts, filters, ui

f = filters.current()
st.title("UPR recommendations")
st.caption(
    "Recommendations states received in the Universal Periodic Review, sessions 1-20 (2008-2014), from UPR Info's "
    "database: accepted or noted, by issue and by recommending state. Years follow the sessions (three a year)."
)
by_state = ui.chart_rows("upr_by_state", f.scope(), "states", limit=30)
if ui.empty_notice(by_state, "recommendations"):
    st.stop()
long = by_state.melt(id_vars=["state"], value_vars=["accepted", "noted"], var_name="response", value_name="count")
st.altair_chart(
    charts.bars(long, "state:N", "count:Q", "response:N", "State under review", "Recommendations", sort="-y"),
    width="stretch",
)
ui.table("upr_by_state", f.scope(), "upr-by-state", "by_state")

st.subheader("By issue")
issues = ui.chart_rows("upr_by_issue", f.scope(), "issue × response bars", limit=60)
st.altair_chart(
    charts.bars(issues, "issue:N", "recommendations:Q", "response:N", "Issue", "Recommendations", sort="-y"),
    width="stretch",
)
ui.table("upr_by_issue", f.scope(), "upr-by-issue", "issues")
st.subheader("By recommending state (top 25)")
ui.table("upr_by_recommender", f.scope(), "upr-by-recommender", "recommenders")
st.subheader("On the treaty bodies and late reports")
ui.table("upr_treaty_bodies", f.scope(), "upr-treaty-bodies", "treaty_bodies")
