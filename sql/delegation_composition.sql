-- one row per review in scope and institution type: how many distinct institutions of that type the sources show
select d.review_id, r.state, r.body, r.start_date, d.institution_type, count(distinct d.institution) as institutions
from delegation as d
inner join reviews as r using (review_id)
where d.kind = 'institution'
    and in_scope(r.iso3, $state, $group) and in_instruments(r.instrument, $instrument)
    and in_years(year(r.start_date), year(r.start_date), $year_from, $year_to)
group by all
order by r.start_date, d.review_id, d.institution_type
