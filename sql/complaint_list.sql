-- one row per individual complaint decision in scope as the source lists it (OHCHR jurisprudence, to 2016-05-07;
-- a few decisions are listed twice, with other issues or another decision type: both rows are kept)
-- key: symbol, communication, iso3, author, decision_type
select symbol, communication, committee, state, iso3, decision_type, submission_date, decision_date, author, articles, issues
from complaints_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
order by decision_date desc nulls last, symbol
