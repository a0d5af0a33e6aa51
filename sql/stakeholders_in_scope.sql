-- one row per stakeholder entry in scope, with the source's own words; absences first
select s.review_id, r.state, s.stakeholder, s.stakeholder_type, s.participation, s.quote, s.source
from stakeholders as s
inner join reviews as r using (review_id)
where in_scope(r.iso3, $state, $group) and in_instruments(r.instrument, $instrument)
    and in_years(year(r.start_date), year(r.start_date), $year_from, $year_to)
order by s.participation = 'absent_noted_by_committee' desc, r.start_date, s.review_id, s.stakeholder
