-- one row per review in scope: delegation size as stated, head, named members, and which institution types came
-- key: review_id
select
    review_id, state, delegation_size, coalesce(delegation_size_source, source) as delegation_size_source, head_name,
    head_title, military, police, intelligence, nhri, named_members, institution_types, source, iso3, body, session,
    start_date
from delegations_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
order by start_date, state
