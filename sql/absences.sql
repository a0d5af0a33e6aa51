-- one row per absence a committee noted in a review in scope: who was expected and not seen, in the committee's words
-- key: review_id, stakeholder_type, stakeholder, source
select review_id, state, stakeholder, stakeholder_type, source, quote
from stakeholders_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
where participation = 'absent_noted_by_committee'
order by start_date, review_id, stakeholder
