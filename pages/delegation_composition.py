import streamlit as st

from compliance import charts, coverage, db, filters, ui
from compliance.text import plain

f = filters.current()
st.title("Delegations")
st.caption(
    "Who each state sent to its review: size as a source states it, the head, and which institutions the sources "
    "show on the delegation. A type not shown is not known to have come; it is not proof of absence."
)
ui.coverage(coverage.REVIEWS)
first = db.query("delegation_summaries", f.scope(), limit=3)
if ui.empty_notice(first, "reviews"):
    st.stop()
for r in first.itertuples():
    size = (
        f"delegation of {ui.figure(r.delegation_size)}" if ui.known(r.delegation_size) else "delegation size not stated"
    )
    title = r.head_title if ui.known(r.head_title) else "title not stated"
    head = f"led by {r.head_name} ({title})" if ui.known(r.head_name) else "no head named in the sources"
    shown = {"military": r.military, "police": r.police, "intelligence": r.intelligence, "NHRI": r.nhri}
    came = ", ".join(f"{k} {'shown' if v else 'not shown'}" for k, v in shown.items())
    st.markdown(plain(f"{r.review_id}: {size}, {head}. {came}."))

st.subheader("Delegation size")
sized = ui.chart_rows("delegation_sizes", f.scope(), "reviews with a stated size (largest first)")
if not ui.empty_notice(sized, "reviews with a stated delegation size"):
    ui.chart(
        charts.spec(
            charts.bars,
            sized,
            "review_id:N",
            "delegation_size:Q",
            None,
            "Review",
            "Delegation size (as stated)",
            sort="-y",
        ),
        f"Stated delegation sizes of {ui.plural(len(sized), 'review')}, from {sized['delegation_size'].min()} to "
        f"{sized['delegation_size'].max()} people.",
    )
ui.table("delegations", f.scope(), "delegations", "delegations")

st.subheader("Composition by institution type")
composition = ui.chart_rows("delegation_composition", f.scope(), "review × type cells", limit=300)
if not ui.empty_notice(composition, "institutions recorded"):
    ui.chart(
        charts.spec(
            charts.heat,
            composition,
            "institution_type:N",
            "review_id:N",
            "institutions:O",
            "Institution type",
            "Review",
        ),
        f"How many institutions of each type the sources show, for {ui.plural(composition['review_id'].nunique(), 'review')}.",
    )
    ui.table("delegation_composition", f.scope(), "delegation-composition", "composition")

st.subheader("Members and institutions, with sources")
st.caption("'Sources give other titles': the sources give the same person different titles; every version is listed.")
ui.table("delegation_members", f.scope(), "delegation-members", "members")
