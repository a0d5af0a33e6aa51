-- one row per UPR recommendation in scope whose text holds every word searched for and whose issues name the issue chosen
-- key: source_file, source_record
select state, session_year, recommending_state, response, text, issues, session, source_file, source_record, iso3
from upr_in_scope($state, $group, $year_from, $year_to, $as_of)
where response <> 'voluntary pledge'
    and coalesce(list_bool_and(list_transform($words, lambda w: contains(lower(text), lower(w)))), true)
    and ($issue is null or list_contains(list_transform(string_split(issues, ','), lambda i: trim(i)), $issue))
order by state, session, recommending_state, text
