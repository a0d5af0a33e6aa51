-- one row per state in scope: the measures the world map can show (instruments party to, reports known overdue on
-- the as-of date or when last known, complaint procedures accepted, OHCHR's on-time share where every status is known)
-- key: iso3
with parties as (
    select iso3, count(*) as instruments_party
    from ratifications_in_scope($state, $group, $instrument, $as_of)
    group by all
),

overdue as (
    select iso3, count(*) filter (where status_on_date in ('overdue', 'overdue when last known')) as overdue_known
    from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
    group by all
),

accepted as (
    select iso3, count(*) filter (where accepted) as procedures_accepted
    from complaint_acceptance_in_scope($state, $group, $instrument, $as_of)
    group by all
)

select
    s.name as state,
    coalesce(p.instruments_party, 0) as instruments_party,
    o.overdue_known,
    a.procedures_accepted,
    t.on_time_share,
    s.iso3
from states_in_scope($state, $group) as s
left join parties as p using (iso3)
left join overdue as o using (iso3)
left join accepted as a using (iso3)
left join on_time_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of) as t using (iso3)
where s.un_member
order by s.name
