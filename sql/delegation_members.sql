-- one row per delegation member or institution in scope, with its source; flags names whose titles differ between sources
with in_scope as (
    select d.*, r.state, r.start_date
    from delegation as d
    inner join reviews as r using (review_id)
    where in_scope(r.iso3, $state, $group) and in_instruments(r.instrument, $instrument)
        and in_years(year(r.start_date), year(r.start_date), $year_from, $year_to)
),

titles as (
    select review_id, name, count(distinct title) as distinct_titles
    from in_scope
    where kind = 'person'
    group by all
)

select
    i.review_id, i.state, i.kind, i.name, i.title, i.institution, i.institution_type, i.is_head,
    coalesce(t.distinct_titles, 0) > 1 as sources_disagree,
    i.source, i.quote
from in_scope as i
left join titles as t using (review_id, name)
order by i.start_date, i.review_id, i.is_head desc, i.kind desc, i.name, i.institution, i.source
