-- one row per individual complaint decision in scope (OHCHR jurisprudence, to 2016-05-07)
select symbol, committee, state, iso3, decision_type, submission_date, decision_date, author, articles, issues
from complaints_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
order by decision_date desc nulls last, symbol
