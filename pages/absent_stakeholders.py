import streamlit as st

from compliance import charts, coverage, db, filters, labels, ui
from compliance.text import plain

f = filters.current()
st.title("Absent stakeholders")
st.caption(
    "Who the committee expected and did not see, who sent information, who was present: by review and type, "
    "with each source's own words."
)
ui.coverage(coverage.REVIEWS)
matrix = ui.chart_rows("stakeholder_matrix", f.scope(), "review × type cells", limit=300)
if ui.empty_notice(matrix, "stakeholders recorded"):
    st.stop()
ui.chart(
    charts.spec(
        charts.heat, matrix, "stakeholder_type:N", "review_id:N", "participation", "Stakeholder type", "Review"
    ),
    f"How each type of stakeholder took part in {ui.plural(matrix['review_id'].nunique(), 'review')}.",
)
ui.table("stakeholder_matrix", f.scope(), "stakeholder-matrix", "matrix")

st.subheader("Absences the committee noted")
absent = labels.humanise(db.query("absences", f.scope(), limit=50))
if not ui.empty_notice(absent, "absences noted"):
    for r in absent.itertuples():
        st.markdown(plain(f"{r.review_id} ({r.state}): {r.stakeholder} ({r.stakeholder_type}) — absent"))
        st.caption(ui.source_line(r.source, r.quote))
    ui.table("absences", f.scope(), "absences", "absences")
st.subheader("Every stakeholder entry")
ui.table("stakeholder_list", f.scope(), "stakeholders", "entries")
