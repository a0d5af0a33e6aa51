-- one row per whole number of years late and status (submitted, overdue, overdue when last known): how many reports
-- key: years_late, status_on_date
select floor(years_late)::integer as years_late, status_on_date, count(*) as reports
from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
where years_late is not null
group by all
order by years_late, status_on_date
