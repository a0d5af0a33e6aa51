-- one row per reporting instrument and level of knowledge: how many states in scope party to it the record knows
-- that much about (ratification only < due date < status known < reviewed)
-- key: instrument, known_level
select instrument, known_level, count(*) as states
from knowledge_in_scope($state, $group, $instrument, $as_of)
group by all
order by min(position), known_level
