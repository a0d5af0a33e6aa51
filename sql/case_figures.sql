-- one row per figure, delegation statement or pattern a review in scope cites about cases: shown as stated, never counted as a case
-- key: review_id, case_label
select review_id, state, case_kind, case_label, outcome, outcome_detail, source, quote, violation_type,
    victims_text as victims
from cases_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
where case_kind <> 'named_case'
order by start_date, review_id, case_kind, case_label
