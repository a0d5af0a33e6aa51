import streamlit as st

from compliance import charts, coverage, db, filters, ui
from compliance.text import plain

f = filters.current()
st.title("Reporting delays")
st.caption(
    "Ratification → entry into force → report due → submitted → reviewed. Due dates come from the treaties' rules; "
    "a report counts as overdue only where a source says it was not submitted by then. "
    f"As of {f.as_of:%Y-%m-%d}."
)
ui.coverage(coverage.RATIFICATIONS, coverage.REPORT_STATUS, coverage.COMMITTEE_FIGURES)
ui.calendar_links(ui.committee_feeds(f.instruments))
headlines = db.query("report_headlines", f.scope(), limit=5)
if ui.empty_notice(db.query("status_counts", f.scope()), "reports"):
    st.stop()
for r in headlines.itertuples():
    submitted = (
        r.submitted_label or f"not by {r.status_as_at if r.status_on_date != 'overdue' else f'{f.as_of:%Y-%m-%d}'}"
    )
    st.markdown(plain(
        f"{r.state} · {r.instrument} {r.cycle_label} report: ratified {ui.day(r.ratified_date)}, in force "
        f"{ui.day(r.in_force_date)}, due {ui.day(r.due_date)}, submitted {submitted}, reviewed {ui.day(r.reviewed_date)}: "
        f"about {r.years_late} years late by the treaty's rule ({r.days_late_min:,}–{r.days_late_max:,} days; "
        f"{r.lateness_basis})."
    ))  # fmt: skip
    if ui.known(r.years_late_stated):
        stated = " ".join(str(x) for x in (r.years_late_qualifier, r.years_late_stated) if ui.known(x))
        st.markdown(plain(f"As a source states it: {stated} years late."))
        st.caption(ui.source_line(r.years_late_source, r.years_late_quote, "Stated lateness, source"))
    st.caption(ui.source_line(r.source, r.quote, "Submission, source"))

st.subheader("Timeline")
milestones = ui.chart_rows("report_milestones", f.scope(), "milestones (about 60 reports)", limit=300)
if not milestones.empty:
    ui.chart(
        charts.spec(charts.timeline, milestones),
        f"Milestones of {ui.plural(milestones['report'].nunique(), 'report')} whose submission or overdue status is known.",
    )
ui.table("report_milestones", f.scope(), "reporting-timeline", "timeline", height=200)

st.subheader("Reports")
st.caption(
    "'status not known': no source records whether the report was submitted; it is not counted as late. "
    "'overdue when last known': a source showed it unsubmitted on an earlier date, and nothing later is known."
)
delays = ui.table("report_delays", f.scope(), "reporting-delays", "delays")
if delays["due_date_disagrees"].any():
    st.caption(
        ":orange[Sources disagree:] for some reports the committee states a due date other than the one the treaty's "
        "rule gives ('Due (as a source states)' beside 'Due (treaty's rule)'); both are shown."
    )

st.subheader("How late")
hist = ui.chart_rows("years_late_histogram", f.scope(), "bars", limit=300)
if not ui.empty_notice(hist, "reports with a known lateness"):
    ui.chart(
        charts.spec(
            charts.bars, hist, "years_late:O", "reports:Q", "status_on_date", "Years late (whole years)", "Reports"
        ),
        f"{ui.plural(int(hist['reports'].sum()), 'report')} whose lateness is known, by whole years late.",
    )
    ui.table("years_late_histogram", f.scope(), "years-late", "hist")

st.subheader(f"Overdue on {f.as_of:%Y-%m-%d}, or when last known")
if ui.table("overdue_reports", f.scope(), "overdue-reports", "overdue").empty:
    st.info("No report in scope is known to be overdue on this date, nor when last known (see the counts below).")
ui.table("status_counts", f.scope(), "report-status-counts", "counts")

st.subheader("On-time share (OHCHR's indicator)")
st.caption(
    "(1 − overdue ÷ reporting instruments ratified) × 100, on the as-of date. Given only where the status of "
    "every initial report is known on that date; otherwise *not known*, with how many statuses are known."
)
ui.table("on_time_share", f.scope(), "on-time-share", "share")

st.subheader("As the committees count it")
st.caption("Figures from the committees' annual reports (states parties, overdue reports), each with its source.")
ui.table("committee_figures", f.scope(), "committee-figures", "figures")
