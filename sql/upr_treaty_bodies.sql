-- one row per UPR recommendation in scope that concerns the treaty bodies or overdue reports
-- key: source_file, source_record
select state, iso3, session, recommending_state, response, text, issues, source_file, source_record
from upr_in_scope($state, $group, $year_from, $year_to, $as_of)
where response <> 'voluntary pledge'
    and (
        issues ilike '%treaty bodies%'
        or regexp_matches(text, '(overdue|delayed|late|outstanding|pending) (periodic |initial )?reports?', 'i')
    )
order by state, session, recommending_state
