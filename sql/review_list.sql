-- one row per curated review in scope: body, session, dates, report, head of delegation, source
-- key: review_id
select review_id, state, body, session, start_date, report_symbol, head_name, source, quote, end_date, report_type,
    head_title, delegation_size, years_late_text as years_late_stated, instrument, iso3
from reviews_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
order by start_date, state
