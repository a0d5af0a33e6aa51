-- one row per state under review in scope: UPR recommendations received, accepted and noted (2008-2014)
-- key: iso3
select
    state,
    iso3,
    count(*) filter (where response <> 'voluntary pledge') as received,
    count(*) filter (where response = 'accepted') as accepted,
    count(*) filter (where response = 'noted') as noted,
    round(100 * count(*) filter (where response = 'accepted') / nullif(count(*) filter (where response <> 'voluntary pledge'), 0), 1)
        as accepted_pct,
    count(*) filter (where response = 'voluntary pledge') as voluntary_pledges
from upr_in_scope($state, $group, $year_from, $year_to, $as_of)
group by all
order by received desc, state
