-- one row per report status a source states for a state in scope, as at its own date (rows naming no report
-- included: they stay statements about the state's reporting, never assigned to a report)
-- key: iso3, instrument, report_label, symbol, source, status_as_of, submitted_date
select
    s.state as state_as_written,
    s.instrument,
    s.report_label,
    s.cycle_text as report_number,
    s.symbol,
    s.status,
    s.status_as_of,
    s.submitted_date,
    s.submitted_precision,
    s.doc_symbol,
    s.quote,
    s.source,
    s.notes,
    s.iso3
from report_statuses_in_scope($state, $group, $instrument, $as_of) as s
order by s.iso3, s.instrument, s.cycle nulls first, coalesce(s.status_as_of, s.submitted_date), s.source
