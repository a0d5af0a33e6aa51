-- one row per report in scope: ratification, entry into force, due, submitted, reviewed, and days late
-- (dates known only to a month or year are shown as such: January 2016, 2005)
select
    state,
    iso3,
    instrument,
    cycle,
    cycle_label,
    symbol,
    ratified_date,
    ratified_year,
    action_type,
    in_force_date,
    due_date,
    due_rule,
    submitted_label,
    submitted_precision,
    reviewed_date,
    review_id,
    status,
    date_label(status_as_of, status_as_of_precision) as status_as_of,
    status_on_date,
    days_late_min,
    days_late_max,
    years_late,
    lateness_basis,
    years_late_text as years_late_stated,
    date_label(due_date_stated, due_date_stated_precision) as due_date_stated,
    due_date_disagrees,
    source,
    quote,
    submitted_source,
    submitted_quote,
    ratification_source
from report_status($as_of)
where
    in_scope(iso3, $state, $group)
    and in_instruments(instrument, $instrument)
    and in_years(year(coalesce(due_date, submitted_date)), year(coalesce(reviewed_date, submitted_date, $as_of::date)), $year_from, $year_to)
order by state, instrument, cycle
