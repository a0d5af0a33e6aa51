-- one row per violation type and outcome in scope: how many cases
select c.violation_type, coalesce(c.outcome, 'not known') as outcome, count(*) as cases
from cases as c
inner join reviews as r using (review_id)
where in_scope(r.iso3, $state, $group) and in_instruments(r.instrument, $instrument)
    and in_years(year(r.start_date), year(r.start_date), $year_from, $year_to)
group by all
order by c.violation_type, outcome
