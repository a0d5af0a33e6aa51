-- one row per state in scope and reporting instrument it is party to on the as-of date: how much the record knows
-- of it (ratification only < due date < status known < reviewed)
-- key: iso3, instrument
select state, instrument, known_level, iso3
from knowledge_in_scope($state, $group, $instrument, $as_of)
order by state, position
