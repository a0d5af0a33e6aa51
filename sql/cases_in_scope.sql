-- one row per case raised in a review in scope: what happened, to how many, and the outcome the source states
select c.review_id, r.state, c.case_label, c.violation_type, c.incident_text as incident_when,
    c.victims_count, c.victims_qualifier, c.victims_text, c.alleged_perpetrator,
    coalesce(c.outcome, 'not known') as outcome, c.source, c.quote
from cases as c
inner join reviews as r using (review_id)
where in_scope(r.iso3, $state, $group) and in_instruments(r.instrument, $instrument)
    and in_years(year(r.start_date), year(r.start_date), $year_from, $year_to)
order by r.start_date, c.review_id, c.case_label
