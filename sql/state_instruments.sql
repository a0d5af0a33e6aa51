-- one row per instrument for one state: its standing on the as-of date, since when, in force when, and the older sources
-- key: instrument
select
    i.instrument,
    i.name,
    i.reporting,
    p.action_type,
    p.signature_date,
    p.action_date,
    p.action_year,
    p.in_force_date,
    coalesce(p.standing, 'no action recorded') as standing,
    p.action_date_2015,
    p.date_disagrees_2015,
    p.year_2022,
    p.year_disagrees_2022,
    p.notes,
    p.as_of,
    p.source
from instruments as i
left join participants_in_scope([$iso3], null::varchar, []::varchar[], $as_of) as p on p.instrument = i.instrument
order by i.position
