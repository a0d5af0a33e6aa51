-- one row per report overdue on the as-of date (known unsubmitted then), longest overdue first
select state, iso3, instrument, cycle_label, due_date, status,
    date_label(status_as_of, status_as_of_precision) as status_as_of, days_late_min as days_overdue,
    round(days_late_min / 365.25, 1) as years_overdue, source, quote
from report_status($as_of)
where
    status_on_date = 'overdue'
    and in_scope(iso3, $state, $group)
    and in_instruments(instrument, $instrument)
order by days_overdue desc, state
