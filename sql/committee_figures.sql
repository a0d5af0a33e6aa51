-- one row per figure from a committee's annual report in scope: overdue reports and states parties as the UN counts them
-- key: committee, report_symbol, figure, as_at_date, period_end
select committee, figure, value, as_at_date, period_end, report_symbol, source, quote, period_start
from committee_figures_in_scope($instrument, $year_from, $year_to, $as_of)
order by committee, period_end, figure
