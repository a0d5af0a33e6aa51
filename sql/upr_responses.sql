-- one row per state under review in scope (the 30 receiving most) and response: the bars of the responses chart
-- key: state, response
with top as (
    select iso3, count(*) as received
    from upr_in_scope($state, $group, $year_from, $year_to, $as_of)
    where response in ('accepted', 'noted')
    group by all
    order by received desc, iso3
    limit 30
)

select u.state, u.response, count(*) as recommendations, any_value(t.received) as received
from upr_in_scope($state, $group, $year_from, $year_to, $as_of) as u
inner join top as t using (iso3)
where u.response in ('accepted', 'noted')
group by all
order by received desc, u.state, u.response
