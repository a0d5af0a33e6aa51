-- one row per recommending state in scope: how many recommendations it made to the states in scope, and how many were accepted
select
    coalesce(u.recommending_state, 'not known') as recommending_state,
    u.recommending_iso3,
    u.recommending_group,
    count(*) as recommendations,
    count(*) filter (where u.response = 'accepted') as accepted
from upr_recommendations as u
where u.response <> 'voluntary pledge' and in_scope(u.iso3, $state, $group)
    and in_years(upr_session_year(u.session), upr_session_year(u.session), $year_from, $year_to)
group by all
order by recommendations desc, recommending_state
limit 25
