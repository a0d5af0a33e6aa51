-- one row per field value a further source gives for a review in scope: where sources add to or disagree with the review row
select e.review_id, r.state, e.field, e.value, e.source, e.quote
from evidence as e
inner join reviews as r using (review_id)
where in_scope(r.iso3, $state, $group) and in_instruments(r.instrument, $instrument)
    and in_years(year(r.start_date), year(r.start_date), $year_from, $year_to)
order by r.start_date, e.review_id, e.field, e.value
