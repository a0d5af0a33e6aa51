-- one row: named cases raised in reviews in scope, how many ended in conviction, and the figures and statements that are not cases
-- key: (one row)
select
    count(*) filter (where case_kind = 'named_case') as named_cases,
    count(*) filter (where case_kind = 'named_case' and outcome = 'convicted') as convicted,
    count(*) filter (where case_kind <> 'named_case') as not_cases
from cases_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
