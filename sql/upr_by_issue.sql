-- one row per issue and response in scope: how many UPR recommendations (a recommendation may name several issues)
-- key: issue, response
with issues as (
    select unnest(string_split(issues, ',')) as issue, response
    from upr_in_scope($state, $group, $year_from, $year_to, $as_of)
    where response <> 'voluntary pledge'
)

select trim(issue) as issue, response, count(*) as recommendations
from issues
where trim(issue) <> ''
group by all
order by recommendations desc, issue, response
