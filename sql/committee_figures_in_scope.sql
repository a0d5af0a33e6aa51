-- one row per figure from a committee's annual report: overdue reports and states parties as the UN counts them
select committee, report_symbol, period_start, period_end, as_at_date, figure, value, source, quote
from committee_figures
where in_instruments(committee_instrument(committee), $instrument)
    and in_years(year(period_end), year(period_end), $year_from, $year_to)
order by committee, period_end, figure
