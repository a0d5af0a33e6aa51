-- one row per stakeholder entry in scope, with the source's own words; absences first
-- key: review_id, stakeholder_type, stakeholder, participation, source
select review_id, state, stakeholder, stakeholder_type, participation, source, quote
from stakeholders_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
order by participation = 'absent_noted_by_committee' desc, start_date, review_id, stakeholder
