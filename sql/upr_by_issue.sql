-- one row per issue and response in scope: how many UPR recommendations (a recommendation may name several issues)
with issues as (
    select unnest(string_split(u.issues, ',')) as issue, u.response
    from upr_recommendations as u
    where u.response <> 'voluntary pledge' and in_scope(u.iso3, $state, $group)
        and in_years(upr_session_year(u.session), upr_session_year(u.session), $year_from, $year_to)
)

select trim(issue) as issue, response, count(*) as recommendations
from issues
where trim(issue) <> ''
group by all
order by recommendations desc
