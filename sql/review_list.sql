-- one row per curated review in scope: body, session, dates, report, head of delegation, source
select review_id, state, iso3, body, instrument, session, start_date, end_date, report_type, report_symbol,
    head_name, head_title, delegation_size, years_late_text as years_late_stated, source, quote
from reviews_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
order by start_date, state
