-- one row per field value a further source gives for a review in scope: where sources add to or disagree with the review row
-- key: review_id, field, value, source, quote
select review_id, state, field, value, source, quote
from evidence_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
order by start_date, review_id, field, value
