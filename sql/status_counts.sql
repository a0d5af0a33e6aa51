-- one row per status on the as-of date: how many reports in scope are submitted, overdue, not yet due, not known
-- key: status_on_date
select status_on_date, count(*) as reports
from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
group by all
order by reports desc, status_on_date
