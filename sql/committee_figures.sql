-- one row per figure from a committee's annual report in scope: overdue reports and states parties as the UN counts them
select committee, report_symbol, period_start, period_end, as_at_date, figure, value, source, quote
from committee_figures_in_scope($instrument, $year_from, $year_to, $as_of)
order by committee, period_end, figure
