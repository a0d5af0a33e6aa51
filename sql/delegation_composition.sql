-- one row per review in scope and institution type: how many distinct institutions of that type the sources show
-- (an institution named on a delegate's row counts once, as if it had its own row)
-- key: review_id, institution_type
select review_id, state, body, start_date, institution_type, count(distinct institution) as institutions
from delegation_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
where institution_type is not null and institution is not null
group by all
order by start_date, review_id, institution_type
