-- one row per review in scope, those a source gives a size or a head for first: the page's opening summary lines
-- key: review_id
select review_id, state, delegation_size, head_name, head_title, military, police, intelligence, nhri
from delegations_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
order by delegation_size is null, head_name is null, start_date desc, review_id
