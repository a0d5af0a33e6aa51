-- one row per place a ratification source disagrees with the 2026-02-03 treaty pages, or names a participant
-- that maps to no current state
-- key: participant, instrument, finding, other_source
select
    participant,
    instrument,
    finding,
    value as value_2026,
    other_source,
    other_value,
    note,
    historical,
    iso3
from ratification_checks_in_scope($state, $group, $instrument)
order by historical desc, instrument, participant, finding
