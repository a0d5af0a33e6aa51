-- one row: headline figures for the filters in scope, each counted from the scope macros every page reads
-- key: (one row)
with reports as (select * from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)),
named_cases as (select * from cases_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of) where case_kind = 'named_case')

select
    (select count(distinct iso3) from reports) as states,
    (select count(*) from ratifications_in_scope($state, $group, $instrument, $as_of)) as ratified_instruments,
    (select count(*) from reports) as reports,
    (select count(*) from reports where status_on_date = 'overdue') as overdue,
    (select count(*) from reports where status_on_date = 'overdue when last known') as overdue_last_known,
    (select count(*) from reports where status_on_date = 'status not known') as status_not_known,
    (select median(years_late) from reports where status_on_date = 'submitted' and years_late > 0) as median_years_late,
    (select count(*) from reviews_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)) as reviews,
    (select count(*) from named_cases) as cases_raised,
    (select count(*) from named_cases where outcome = 'convicted') as cases_convicted
