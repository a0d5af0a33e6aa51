-- one row per violation type and outcome in scope: how many named cases (figures, statements and patterns are not cases)
-- key: violation_type, outcome
select violation_type, coalesce(outcome, 'no_information') as outcome, count(*) as cases
from cases_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
where case_kind = 'named_case'
group by all
order by violation_type, outcome
