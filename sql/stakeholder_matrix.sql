-- one row per review in scope and stakeholder type: how that type took part (absence noted first)
select
    s.review_id,
    r.state,
    s.stakeholder_type,
    case
        when bool_or(s.participation = 'absent_noted_by_committee') then 'absent (noted by committee)'
        when bool_or(s.participation = 'present') then 'present'
        when bool_or(s.participation = 'submitted_information') then 'submitted information'
        else 'other'
    end as participation,
    string_agg(s.stakeholder, '; ' order by s.stakeholder) as stakeholders
from stakeholders as s
inner join reviews as r using (review_id)
where in_scope(r.iso3, $state, $group) and in_instruments(r.instrument, $instrument)
    and in_years(year(r.start_date), year(r.start_date), $year_from, $year_to)
group by all
order by s.review_id, s.stakeholder_type
