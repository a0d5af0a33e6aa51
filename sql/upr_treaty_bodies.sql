-- one row per UPR recommendation in scope that concerns the treaty bodies or overdue reports
select u.state, u.iso3, u.session, u.recommending_state, u.response, u.text, u.issues, u.source_file
from upr_recommendations as u
where u.response <> 'voluntary pledge' and in_scope(u.iso3, $state, $group)
    and in_years(upr_session_year(u.session), upr_session_year(u.session), $year_from, $year_to)
    and (
        u.issues ilike '%treaty bodies%'
        or regexp_matches(u.text, '(overdue|delayed|late|outstanding|pending) (periodic |initial )?reports?', 'i')
    )
order by u.state, u.session, u.recommending_state
