-- one row per recommending state in scope: how many recommendations it made to the states in scope, and how many were accepted
-- key: recommending_state
select
    recommending_state,
    recommending_iso3,
    recommending_group,
    count(*) as recommendations,
    count(*) filter (where response = 'accepted') as accepted
from upr_in_scope($state, $group, $year_from, $year_to, $as_of)
where response <> 'voluntary pledge'
group by all
order by recommendations desc, recommending_state
limit 25
