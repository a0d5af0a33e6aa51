-- one row per objection another state lodged against what a state in scope reserved or declared, as the page printed it
-- key: iso3, instrument, objecting_state, piece
select
    about_participant as state,
    instrument,
    participant as objecting_state,
    text_date,
    heading,
    text as page_text,
    source,
    about_iso3 as iso3,
    piece
from objections_received_in_scope($state, $group, $instrument, $as_of)
order by state, instrument, text_date nulls last, objecting_state, piece
