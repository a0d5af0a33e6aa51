-- one row per committee with an individual-complaint procedure: states in scope accepting it on the as-of date,
-- since when the first did, and the decisions (to 2016-05-07) against states that accept it and against others
-- key: committee
with accepting as (
    select committee, iso3, accepted_date
    from complaint_acceptance_in_scope($state, $group, $instrument, $as_of)
    where procedure = 'individual' and accepted
),

open_to as (
    select committee, count(distinct iso3) as parties_open_to
    from complaint_acceptance_in_scope($state, $group, $instrument, $as_of)
    where procedure = 'individual'
    group by all
),

decided as (
    select committee, iso3, count(*) as decisions
    from complaints_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
    group by all
),

per_committee as (
    select
        o.committee,
        o.parties_open_to,
        count(distinct a.iso3) as states_accepting,
        min(a.accepted_date) as earliest_accepted_date
    from open_to as o
    left join accepting as a using (committee)
    group by all
)

select
    p.committee,
    p.parties_open_to,
    p.states_accepting,
    p.earliest_accepted_date,
    coalesce(sum(d.decisions) filter (where a.iso3 is not null), 0)::bigint as decisions_accepting,
    coalesce(sum(d.decisions) filter (where a.iso3 is null), 0)::bigint as decisions_not_accepting
from per_committee as p
left join decided as d using (committee)
left join accepting as a on a.committee = d.committee and a.iso3 = d.iso3
group by all
order by p.committee
