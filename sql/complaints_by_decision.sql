-- one row per committee, decision type and year of decision in scope: how many individual complaints
select committee, decision_type, year(decision_date) as decision_year, count(*) as decisions
from complaints
where (iso3 is null and len($state) = 0 and $group is null or in_scope(iso3, $state, $group))
    and in_instruments(committee_instrument(committee), $instrument)
    and in_years(year(decision_date), year(decision_date), $year_from, $year_to)
group by all
order by committee, decision_year, decision_type
