-- one row per state under review in scope: UPR recommendations received, accepted and noted (2008-2014)
select
    u.state,
    u.iso3,
    count(*) filter (where u.response <> 'voluntary pledge') as received,
    count(*) filter (where u.response = 'accepted') as accepted,
    count(*) filter (where u.response = 'noted') as noted,
    round(100 * count(*) filter (where u.response = 'accepted') / nullif(count(*) filter (where u.response <> 'voluntary pledge'), 0), 1)
        as accepted_pct,
    count(*) filter (where u.response = 'voluntary pledge') as voluntary_pledges
from upr_recommendations as u
where in_scope(u.iso3, $state, $group)
    and in_years(upr_session_year(u.session), upr_session_year(u.session), $year_from, $year_to)
group by all
order by received desc, state
