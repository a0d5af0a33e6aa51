-- one row per piece of text a state in scope deposited on a treaty page (reservation, declaration, withdrawal,
-- note), as the page printed it on 2026-02-03
-- key: state, instrument, piece
select
    participant as state,
    instrument,
    kind as text_kind,
    heading,
    text_date,
    text as page_text,
    note,
    source,
    iso3,
    piece
from treaty_texts_in_scope($state, $group, $instrument, $as_of)
where kind <> 'objection'
order by state, instrument, piece
