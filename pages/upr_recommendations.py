import streamlit as st

from compliance import charts, coverage, db, filters, ui

f = filters.current()
st.title("UPR recommendations")
st.caption(
    "Recommendations states received in the Universal Periodic Review, from UPR Info's database: the text, who "
    "recommended it, and whether it was accepted or noted. Years follow the sessions (three a year)."
)
ui.coverage(coverage.UPR)
filters.not_applied(
    f,
    "instrument",
    "the UPR is a peer review of every UN member, not a treaty. Shown: all UPR recommendations for the other filters.",
)
upr = {k: v for k, v in f.scope().items() if k != "instrument"}
responses = ui.chart_rows("upr_responses", upr, "bars (30 states)", limit=60)
if ui.empty_notice(responses, "recommendations"):
    st.stop()

st.subheader("Read the recommendations")
issues = sorted(db.query("upr_by_issue", upr)["issue"].unique())
search = filters.page_text("q")
issue = filters.page_choice("issue", issues)
left, right = st.columns([2, 1])
words = left.text_input("Words in the text (all must appear)", value=search, key="q", max_chars=100)
chosen = right.selectbox(
    "Issue", issues, index=issues.index(issue) if issue else None, key="issue", placeholder="Any issue"
)
filters.keep_page_values(q=words.strip() or None, issue=chosen)
found = db.query("upr_recommendation_list", upr, words=words.split(), issue=chosen)
accepted, noted = int((found["response"] == "accepted").sum()), int((found["response"] == "noted").sum())
st.caption(f"{len(found):,} recommendations match: {accepted:,} accepted, {noted:,} noted.")
ui.table(
    "upr_recommendation_list", upr, "upr-recommendations", "list", params={"words": words.split(), "issue": chosen}
)

st.subheader("Accepted and noted, by state under review")
ui.chart(
    charts.spec(
        charts.bars,
        responses,
        "state:N",
        "recommendations:Q",
        "response",
        "State under review",
        "Recommendations",
        sort="-y",
    ),
    f"Accepted and noted recommendations of {ui.plural(responses['state'].nunique(), 'state')} in scope (those that received most).",
)
ui.table("upr_by_state", upr, "upr-by-state", "by_state")

st.subheader("By issue")
by_issue = ui.chart_rows("upr_by_issue", upr, "issue × response bars", limit=60)
ui.chart(
    charts.spec(
        charts.bars, by_issue, "issue:N", "recommendations:Q", "response", "Issue", "Recommendations", sort="-y"
    ),
    "Recommendations by the issues UPR Info tags them with (one may name several).",
)
ui.table("upr_by_issue", upr, "upr-by-issue", "issues")
st.subheader("By recommending state (top 25)")
ui.table("upr_by_recommender", upr, "upr-by-recommender", "recommenders")
st.subheader("On the treaty bodies and late reports")
ui.table("upr_treaty_bodies", upr, "upr-treaty-bodies", "treaty_bodies")
