-- one row per report overdue on the as-of date, or overdue when a source last said so (a status as at an earlier date)
-- key: iso3, instrument, cycle_label
select state, instrument, cycle_label, due_date, status_on_date, status_as_at,
    round(days_late_min / 365.25, 1) as years_overdue, source, quote, days_late_min as days_overdue, lateness_basis, iso3
from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
where status_on_date in ('overdue', 'overdue when last known')
order by status_on_date, days_overdue desc, state
