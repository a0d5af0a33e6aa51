import streamlit as st

from compliance import charts, db, filters, ui

f = filters.current()
st.title("Delegations")
st.caption(
    "Who each state sent to its review: size as a source states it, the head, and which institutions the sources "
    "show on the delegation. A type not shown is not known to have come; it is not proof of absence."
)
delegations = db.query("delegations", f.scope())
if not ui.empty_notice(delegations, "reviews"):
    for r in delegations.head(3).itertuples():
        size = ui.figure(r.delegation_size)
        st.markdown(ui.plain(
            f"{r.review_id}: delegation of {size}, led by {r.head_name or ui.NOT_KNOWN} ({r.head_title or ui.NOT_KNOWN}). "
            f"Military {'shown' if r.military else 'not shown'}, police {'shown' if r.police else 'not shown'}, "
            f"intelligence {'shown' if r.intelligence else 'not shown'}, NHRI {'shown' if r.nhri else 'not shown'}."
        ))  # fmt: skip
    st.subheader("Delegation size")
    sized = delegations[delegations["delegation_size"].notna()]
    if not ui.empty_notice(sized, "reviews with a stated delegation size"):
        st.altair_chart(
            charts.bars(sized, "review_id:N", "delegation_size:Q", "body:N", "Review", "Delegation size (as stated)"),
            width="stretch",
        )
    ui.table(delegations, "delegations", "delegations")

    st.subheader("Composition by institution type")
    composition = db.query("delegation_composition", f.scope())
    if not ui.empty_notice(composition, "institutions recorded"):
        st.altair_chart(
            charts.heat(
                composition, "institution_type:N", "review_id:N", "institutions:Q", "Institution type", "Review"
            ),
            width="stretch",
        )
        ui.table(composition, "delegation-composition", "composition")

    st.subheader("Members and institutions, with sources")
    st.caption("`sources disagree`: the sources give the same person different titles; every version is listed.")
    ui.table(db.query("delegation_members", f.scope()), "delegation-members", "members")
