-- one row per state in scope and complaint procedure open to it: accepted or not by the as-of date, since when, in whose words
-- key: iso3, committee, procedure, article
select
    participant as state,
    committee,
    procedure,
    article,
    accepted,
    accepted_date,
    basis,
    quote,
    source,
    iso3
from complaint_acceptance_in_scope($state, $group, $instrument, $as_of)
order by state, committee, procedure desc
