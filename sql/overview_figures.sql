-- one row: headline figures for the filters in scope
with reports_in_scope as (
    select *
    from report_status($as_of)
    where in_scope(iso3, $state, $group) and in_instruments(instrument, $instrument)
        and in_years(year(coalesce(due_date, submitted_date)), year(coalesce(reviewed_date, submitted_date, $as_of::date)), $year_from, $year_to)
),

reviews_in_scope as (
    select *
    from reviews
    where in_scope(iso3, $state, $group) and in_instruments(instrument, $instrument)
        and in_years(year(start_date), year(start_date), $year_from, $year_to)
),

cases_in_scope as (
    select c.*
    from cases as c
    inner join reviews_in_scope using (review_id)
)

select
    (select count(distinct iso3) from reports_in_scope) as states,
    (select count(*) from reports_in_scope) as reports,
    (select count(*) from reports_in_scope where status_on_date = 'overdue') as overdue,
    (select count(*) from reports_in_scope where status_on_date = 'status not known') as status_not_known,
    (select median(years_late) from reports_in_scope where status_on_date = 'submitted' and years_late > 0)
        as median_years_late,
    (select count(*) from reviews_in_scope) as reviews,
    (select count(*) from cases_in_scope) as cases_raised,
    (select count(*) from cases_in_scope where outcome = 'convicted') as cases_convicted
