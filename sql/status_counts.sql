-- one row per status on the as-of date: how many reports in scope are submitted, overdue, not yet due, not known
select status_on_date, count(*) as reports
from report_status($as_of)
where
    in_scope(iso3, $state, $group)
    and in_instruments(instrument, $instrument)
    and in_years(year(coalesce(due_date, submitted_date)), year(coalesce(reviewed_date, submitted_date, $as_of::date)), $year_from, $year_to)
group by all
order by reports desc
