import streamlit as st

from compliance import charts, db, filters, ui

f = filters.current()
st.title("Absent stakeholders")
st.caption(
    "Who the committee expected and did not see, who sent information, who was present: by review and type, "
    "with each source's own words."
)
matrix = ui.chart_rows("stakeholder_matrix", f.scope(), "review × type cells", limit=300)
if ui.empty_notice(matrix, "stakeholders recorded"):
    st.stop()
st.altair_chart(
    charts.heat(matrix, "stakeholder_type:N", "review_id:N", "participation:N", "Stakeholder type", "Review"),
    width="stretch",
)
ui.table("stakeholder_matrix", f.scope(), "stakeholder-matrix", "matrix")

st.subheader("Absences the committee noted")
entries = db.query("stakeholders_in_scope", f.scope(), limit=ui.PREVIEW_ROWS)
absent = entries[entries["participation"] == "absent_noted_by_committee"]
if not ui.empty_notice(absent, "absences noted"):
    for r in absent.head(50).itertuples():
        st.markdown(ui.plain(f"{r.review_id}: {r.stakeholder} ({r.stakeholder_type}) — absent"))
        st.caption(ui.source_line(r.source, r.quote))
st.subheader("Every stakeholder entry")
ui.table("stakeholders_in_scope", f.scope(), "stakeholders", "entries")
