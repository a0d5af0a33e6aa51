-- one row per delegation member or institution in scope, with its source; flags names whose titles differ between sources
-- key: review_id, kind, name, institution, source, quote
with titles as (
    select review_id, name, count(distinct title) as distinct_titles
    from delegation_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
    where kind = 'person'
    group by all
)

select
    d.review_id, d.state, d.kind, d.name, d.title, coalesce(t.distinct_titles, 0) > 1 as sources_disagree,
    d.institution, d.institution_type, d.source, d.quote, d.is_head
from delegation_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of) as d
left join titles as t using (review_id, name)
order by d.start_date, d.review_id, d.is_head desc, d.kind desc, d.name, d.institution, d.source
