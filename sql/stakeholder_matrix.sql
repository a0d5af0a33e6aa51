-- one row per review in scope and stakeholder type: how that type took part (absence noted first)
-- key: review_id, stakeholder_type, participation
select
    review_id,
    state,
    stakeholder_type,
    case
        when bool_or(participation = 'absent_noted_by_committee') then 'absent_noted_by_committee'
        when bool_or(participation = 'present') then 'present'
        when bool_or(participation = 'submitted_information') then 'submitted_information'
        else 'other'
    end as participation,
    string_agg(stakeholder, '; ' order by stakeholder) as stakeholders
from stakeholders_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
group by all
order by review_id, stakeholder_type
