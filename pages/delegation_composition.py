import streamlit as st

from compliance import charts, db, filters, ui

f = filters.current()
st.title("Delegations")
st.caption(
    "Who each state sent to its review: size as a source states it, the head, and which institutions the sources "
    "show on the delegation. A type not shown is not known to have come; it is not proof of absence."
)
first = db.query("delegations", f.scope(), limit=3)
if ui.empty_notice(first, "reviews"):
    st.stop()
for r in first.itertuples():
    st.markdown(ui.plain(
        f"{r.review_id}: delegation of {ui.figure(r.delegation_size)}, led by {r.head_name or ui.NOT_KNOWN} "
        f"({r.head_title or ui.NOT_KNOWN}). Military {'shown' if r.military else 'not shown'}, police "
        f"{'shown' if r.police else 'not shown'}, intelligence {'shown' if r.intelligence else 'not shown'}, "
        f"NHRI {'shown' if r.nhri else 'not shown'}."
    ))  # fmt: skip

st.subheader("Delegation size")
sized = ui.chart_rows("delegations", f.scope(), "reviews")
sized = sized[sized["delegation_size"].notna()]
if not ui.empty_notice(sized, "reviews with a stated delegation size"):
    st.altair_chart(
        charts.bars(sized, "review_id:N", "delegation_size:Q", "body:N", "Review", "Delegation size (as stated)"),
        width="stretch",
    )
ui.table("delegations", f.scope(), "delegations", "delegations")

st.subheader("Composition by institution type")
composition = ui.chart_rows("delegation_composition", f.scope(), "review × type cells", limit=300)
if not ui.empty_notice(composition, "institutions recorded"):
    st.altair_chart(
        charts.heat(composition, "institution_type:N", "review_id:N", "institutions:Q", "Institution type", "Review"),
        width="stretch",
    )
    ui.table("delegation_composition", f.scope(), "delegation-composition", "composition")

st.subheader("Members and institutions, with sources")
st.caption("`sources disagree`: the sources give the same person different titles; every version is listed.")
ui.table("delegation_members", f.scope(), "delegation-members", "members")
