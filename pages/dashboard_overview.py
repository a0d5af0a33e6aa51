import streamlit as st

from compliance import charts, coverage, db, filters, ui

f = filters.current()
st.title("Treaty compliance dashboard")
st.write(
    "How states meet their reporting duties under the UN human-rights treaties, who they send to their reviews, "
    "who the committees expected and did not see, and what became of the cases raised."
)
ui.coverage(coverage.RATIFICATIONS, coverage.REVIEWS, coverage.REPORT_STATUS, coverage.TREATY_TEXTS)
fig = db.query("overview_figures", f.scope()).iloc[0]
on = f"{f.as_of:%Y-%m-%d}"
cols = st.columns(4)
cols[0].metric("States in scope", ui.figure(fig.states))
cols[1].metric("Instruments ratified", ui.figure(fig.ratified_instruments), help=f"Ratifications known by {on}")
cols[2].metric(
    "Known overdue on the as-of date", ui.figure(fig.overdue), help=f"Reports a source shows unsubmitted on {on}"
)
cols[3].metric(
    "Overdue when last known",
    ui.figure(fig.overdue_last_known),
    help="Reports a source showed unsubmitted on an earlier date, with nothing known since: counted apart",
)
cols = st.columns(4)
cols[0].metric("Median years late (submitted late)", ui.figure(fig.median_years_late, "{:.1f}"))
cols[1].metric("Reviews curated", ui.figure(fig.reviews))
cols[2].metric("Named cases raised in reviews", ui.figure(fig.cases_raised))
cols[3].metric("Of which convicted", ui.figure(fig.cases_convicted))
st.caption(
    f"Of {ui.figure(fig.reports)} reports in scope, the status of {ui.figure(fig.status_not_known)} is not known "
    "on the as-of date: no source records it, so they are never counted late. Cases are named cases only; "
    "aggregate figures and delegations' statements are shown on the case-outcomes page as their sources state them."
)

st.subheader("The world at a glance")
measures = {"instruments_party": "Instruments party to", "overdue_known": "Reports known overdue (then or when last known)",
            "procedures_accepted": "Complaint procedures accepted", "on_time_share": "On-time share % (where every status is known)"}  # fmt: skip
measure = st.selectbox("Measure", list(measures), format_func=measures.get, key="map_measure")
values = db.query("map_measures", f.scope())
ui.chart(
    charts.spec(charts.world_map, values, measure, measures[measure]),
    f"{measures[measure]} for {ui.plural(len(values), 'UN member')} in scope, grey where not known; the table below "
    "has every value. Not drawn at this scale: " + (", ".join(charts.off_map(values)) or "none") + ".",
)
ui.table("map_measures", f.scope(), "map-measures", "map", height=250)

st.subheader("Start with a case: Pakistan's first review under the Convention against Torture (2017)")
st.markdown(
    "- [Reporting delay](reporting-delays?state=PAK&instrument=CAT): ratified 2010, report four years late\n"
    "- [Delegation](delegations?state=PAK&instrument=CAT): ten people, led by the Minister for Human Rights\n"
    "- [Absent stakeholders](absent-stakeholders?state=PAK&instrument=CAT): the NCHR, the military and intelligence\n"
    "- [Case outcomes](case-outcomes?state=PAK&instrument=CAT): four named cases, not one conviction"
)

st.subheader("What this covers, and what it does not")
st.markdown(
    "- **Ratifications** of 18 instruments for every state, as at 2026-02-03, from the UN Treaty Collection's own "
    "status pages; with them each state's reservations, the objections of other states, withdrawals, and which "
    "complaint procedures it accepts. The 2015 snapshot and OHCHR's 2022 status are kept beside them where they "
    "disagree (Sources page).\n"
    "- **Initial-report due dates** derived from the treaties' own rules for every ratification. Whether a report "
    "was submitted is known only where a source says so (committee documents, report cover pages, reviews) or "
    "a report's existence proves it (a reviewed report was submitted before its review; an earlier report "
    "before a later one): elsewhere the status is *not known*, never late. A status is true as at its source's "
    "date: on a later as-of date it is shown as *overdue when last known*.\n"
    "- **Reviews** (587): CAT 2010-2025, Human Rights Committee 2014-2019, CEDAW 2015-2019, CERD, CESCR and CRC "
    "2014-2024, UPR 2017-2022, with delegations, stakeholders and cases from UN documents, press summaries and the "
    "seed op-ed.\n"
    "- **Individual complaints** decided to May 2016; **UPR recommendations** 2008-2014.\n"
    "- Not covered: periodic-report due dates (set in each set of concluding observations), submissions no "
    "source records, anything after the dates above."
)
