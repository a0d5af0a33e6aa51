-- one row per committee, decision type and year of decision in scope: how many individual complaints
-- key: committee, decision_type, decision_year
select committee, decision_type, year(decision_date) as decision_year, count(*) as decisions
from complaints_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
group by all
order by committee, decision_year, decision_type
