-- one row per report in scope with a known lateness (submitted, or overdue then or when last known), most recent first:
-- derived lateness beside the lateness a source states
-- key: state, instrument, cycle_label
select
    state, instrument, cycle_label, ratified_date, in_force_date, due_date, submitted_label, reviewed_date,
    status_on_date, status_as_at, years_late, days_late_min, days_late_max, lateness_basis,
    years_late_text as years_late_stated, years_late_qualifier, years_late_source, years_late_quote,
    coalesce(submitted_source, source) as source, coalesce(submitted_quote, quote) as quote
from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
where status_on_date in ('submitted', 'overdue', 'overdue when last known') and due_date is not null
order by coalesce(reviewed_date, submitted_date, status_as_of) desc nulls last, state, instrument
