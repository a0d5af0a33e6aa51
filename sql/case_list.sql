-- one row per named case a review in scope raised: what happened, to how many, and the outcome its source states
-- key: review_id, case_label
select review_id, state, case_label, violation_type, coalesce(outcome, 'no_information') as outcome, outcome_detail,
    source, quote, incident_text as incident_when, victims_text as victims, alleged_perpetrator
from cases_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
where case_kind = 'named_case'
order by start_date, review_id, case_label
