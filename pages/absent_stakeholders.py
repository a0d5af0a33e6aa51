import streamlit as st

from compliance import charts, db, filters, ui

f = filters.current()
st.title("Absent stakeholders")
st.caption(
    "Who the committee expected and did not see, who sent information, who was present: by review and type, "
    "with each source's own words."
)
matrix = db.query("stakeholder_matrix", f.scope())
if not ui.empty_notice(matrix, "stakeholders recorded"):
    st.altair_chart(
        charts.heat(matrix, "stakeholder_type:N", "review_id:N", "participation:N", "Stakeholder type", "Review"),
        width="stretch",
    )
    ui.table(matrix, "stakeholder-matrix", "matrix")
    entries = db.query("stakeholders_in_scope", f.scope())
    absent = entries[entries["participation"] == "absent_noted_by_committee"]
    st.subheader("Absences the committee noted")
    if not ui.empty_notice(absent, "absences noted"):
        for r in absent.itertuples():
            st.markdown(ui.plain(f"{r.review_id}: {r.stakeholder} ({r.stakeholder_type}) — absent"))
            st.caption(ui.source_line(r.source, r.quote))
    st.subheader("Every stakeholder entry")
    ui.table(entries, "stakeholders", "entries")
