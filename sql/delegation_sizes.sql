-- one row per review in scope whose delegation size a source states, largest first: the size chart's bars
-- key: review_id
select review_id, state, body, start_date, delegation_size, coalesce(delegation_size_source, source) as source
from reviews_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
where delegation_size is not null
order by delegation_size desc, start_date, review_id
