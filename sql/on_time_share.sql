-- one row per state: OHCHR's on-time share on the as-of date, (1 - overdue / reporting instruments ratified) x 100,
-- given only where the status of every initial report due by then is known on that date
-- key: iso3
select iso3, state, instruments_ratified, overdue, status_known, on_time_share, complete
from on_time_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
order by complete desc, on_time_share asc nulls last, status_known desc, state
