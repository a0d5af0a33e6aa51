import streamlit as st

from compliance import charts, db, filters, ui

f = filters.current()
st.title("Reporting delays")
st.caption(
    "Ratification → entry into force → report due → submitted → reviewed. Due dates come from the treaties' rules; "
    "a report counts as overdue only where a source says it was not submitted by then. "
    f"As of {f.as_of:%Y-%m-%d}."
)
delays = db.query("report_delays", f.scope(), limit=ui.PREVIEW_ROWS)
if ui.empty_notice(delays, "reports"):
    st.stop()
for r in delays[delays["status_on_date"].isin(["submitted", "overdue"])].head(5).itertuples():
    st.markdown(ui.plain(
        f"{r.state} · {r.instrument} {r.cycle_label} report: ratified {ui.day(r.ratified_date)}, in force "
        f"{ui.day(r.in_force_date)}, due {ui.day(r.due_date)}, submitted {r.submitted_label or 'not by ' + f'{f.as_of:%Y-%m-%d}'}, "
        f"reviewed {ui.day(r.reviewed_date)}: about {r.years_late} years late "
        f"({r.days_late_min:,}–{r.days_late_max:,} days)."
    ))  # fmt: skip
    st.caption(ui.source_line(r.submitted_source or r.source, r.submitted_quote or r.quote))

st.subheader("Timeline")
milestones = ui.chart_rows("report_milestones", f.scope(), "milestones (about 60 reports)", limit=300)
if not milestones.empty:
    st.altair_chart(charts.timeline(milestones), width="stretch")
ui.table("report_milestones", f.scope(), "reporting-timeline", "timeline", height=200, milestone_date=None)

st.subheader("Reports")
st.caption("`status not known`: no source records whether the report was submitted. It is not counted as late.")
if delays["due_date_disagrees"].any():
    st.caption(
        ":orange[Sources disagree:] for some reports the committee states a due date other than the one the treaty's "
        "rule gives (`due_date_stated` beside `due_date`); both are shown."
    )
ui.table("report_delays", f.scope(), "reporting-delays", "delays")

st.subheader("How late")
hist = db.query("years_late_histogram", f.scope())
if not ui.empty_notice(hist, "reports with a known lateness"):
    st.altair_chart(
        charts.bars(hist, "years_late:O", "reports:Q", "status_on_date:N", "Years late (whole years)", "Reports"),
        width="stretch",
    )
    ui.table("years_late_histogram", f.scope(), "years-late", "hist")

st.subheader(f"Overdue on {f.as_of:%Y-%m-%d}")
if ui.table("overdue_reports", f.scope(), "overdue-reports", "overdue").empty:
    st.info("No report in scope is known to be overdue on this date (see the status counts below).")
ui.table("status_counts", f.scope(), "report-status-counts", "counts")

st.subheader("On-time share (OHCHR's indicator)")
st.caption(
    "(1 − overdue ÷ reporting instruments ratified) × 100, on the as-of date. Given only where the status of "
    "every initial report is known; otherwise *not known*, with how many statuses are known."
)
ui.table(
    "on_time_share", f.scope(), "on-time-share", "share", on_time_share=st.column_config.NumberColumn("on-time share %")
)

st.subheader("As the committees count it")
st.caption("Figures from the committees' annual reports (states parties, overdue reports), each with its source.")
ui.table("committee_figures_in_scope", f.scope(), "committee-figures", "figures")
