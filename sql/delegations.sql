-- one row per review in scope: delegation size as stated, head, named members, and which institution types came
with members as (
    select
        review_id,
        count(*) filter (where kind = 'person') as named_members,
        list(distinct institution_type order by institution_type) filter (where institution_type is not null)
            as institution_types
    from delegation_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
    group by all
)

select
    r.review_id,
    r.state,
    r.delegation_size,
    coalesce(r.delegation_size_source, r.source) as delegation_size_source,
    r.head_name,
    r.head_title,
    coalesce(list_contains(m.institution_types, 'defence_military'), false) as military,
    coalesce(list_contains(m.institution_types, 'interior_police'), false) as police,
    coalesce(list_contains(m.institution_types, 'intelligence'), false) as intelligence,
    coalesce(list_contains(m.institution_types, 'nhri'), false) as nhri,
    coalesce(m.named_members, 0) as named_members,
    m.institution_types,
    r.source,
    r.iso3,
    r.body,
    r.session,
    r.start_date
from reviews_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of) as r
left join members as m using (review_id)
order by r.start_date, r.state
