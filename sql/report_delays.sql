-- one row per report in scope: ratification, entry into force, due, submitted, reviewed, and days late
-- (dates known only to a month or year are shown as such: January 2016, 2005)
select
    state, iso3, instrument, cycle, cycle_label, symbol, ratified_date, ratified_year, action_type, in_force_date,
    due_date, due_rule, submitted_label, submitted_precision, reviewed_date, review_id, status, status_as_at,
    status_on_date, days_late_min, days_late_max, years_late, lateness_basis, years_late_text as years_late_stated,
    years_late_source, years_late_quote, date_label(due_date_stated, due_date_stated_precision) as due_date_stated,
    due_date_disagrees, source, quote, submitted_source, submitted_quote, ratification_source
from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
order by state, instrument, cycle
