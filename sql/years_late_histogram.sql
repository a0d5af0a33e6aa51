-- one row per whole number of years late (submitted reports and reports overdue on the as-of date): how many
select
    floor(years_late)::integer as years_late,
    status_on_date,
    count(*) as reports
from report_status($as_of)
where
    years_late is not null
    and in_scope(iso3, $state, $group)
    and in_instruments(instrument, $instrument)
    and in_years(year(coalesce(due_date, submitted_date)), year(coalesce(reviewed_date, submitted_date, $as_of::date)), $year_from, $year_to)
group by all
order by years_late
