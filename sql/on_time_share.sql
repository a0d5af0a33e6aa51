-- one row per state: OHCHR's on-time share on the as-of date, (1 - overdue / reporting instruments ratified) x 100,
-- given only where the status of every initial report due by then is known on that date
-- key: iso3
with per_state as (
    select
        iso3,
        state,
        count(*) as instruments_ratified,
        count(*) filter (where status_on_date = 'overdue') as overdue,
        count(*) filter (where status_on_date in ('submitted', 'submitted (date not known)', 'overdue', 'not yet due'))
            as status_known
    from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
    where cycle = 1
    group by all
)

select
    *,
    case when status_known = instruments_ratified then round((1 - overdue / instruments_ratified) * 100, 1) end
        as on_time_share,
    status_known = instruments_ratified as complete
from per_state
order by complete desc, on_time_share asc nulls last, status_known desc, state
