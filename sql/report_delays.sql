-- one row per report in scope: ratification, entry into force, due, submitted, reviewed, and days late
-- (dates known only to a month or year are shown as such: January 2016, 2005)
-- key: iso3, instrument, cycle, symbol
select
    state, instrument, cycle_label, due_date,
    case
        when cycle = 1 or cycle is null and due_date is not null then null
        when due_date_stated is null then 'due date set by the committee, not known'
        else 'due date stated by a source'
    end as due_note,
    coalesce(submitted_label, submitted_basis) as submitted_label, status_on_date, years_late,
    years_late_text as years_late_stated, source, quote, status_as_at, ratified_date, in_force_date, reviewed_date,
    review_id, symbol, days_late_min, days_late_max, lateness_basis, submitted_other, years_late_source,
    years_late_quote, date_label(due_date_stated, due_date_stated_precision) as due_date_stated, due_date_disagrees,
    due_rule, submitted_precision, submitted_source, submitted_quote, status, ratified_year, action_type,
    ratification_source, iso3, cycle
from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
order by state, instrument, cycle
