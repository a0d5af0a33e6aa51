-- one row per individual complaint decision in scope (OHCHR jurisprudence, 2016)
select symbol, committee, state, iso3, decision_type, submission_date, decision_date, author, articles, issues
from complaints
where (iso3 is null and len($state) = 0 and $group is null or in_scope(iso3, $state, $group))
    and in_instruments(committee_instrument(committee), $instrument)
    and in_years(year(decision_date), year(decision_date), $year_from, $year_to)
order by decision_date desc nulls last, symbol
