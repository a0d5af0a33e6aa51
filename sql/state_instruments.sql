-- one row per instrument for one state: party or not on the as-of date, since when, in force when, and the 2022 status
select
    i.instrument,
    i.name,
    i.reporting,
    r.action_type,
    r.signature_date,
    r.action_date,
    r.action_year,
    r.in_force_date,
    case
        when r.action_date is not null or r.action_year is not null then 'party'
        when s.signature_date is not null then 'signatory'
        else 'no action recorded'
    end as status,
    r.year_2022,
    r.year_disagrees_2022,
    r.as_of,
    coalesce(r.source, s.source) as source
from instruments as i
left join ratifications_in_scope([$iso3], null::varchar, []::varchar[], $as_of) as r on r.instrument = i.instrument
left join signatures_in_scope([$iso3], null::varchar, []::varchar[], $as_of) as s on s.instrument = i.instrument
order by i.position
