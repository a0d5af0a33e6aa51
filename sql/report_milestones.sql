-- one row per report in scope and milestone (ratified, in force, due, submitted, reviewed) with its date, for the timeline
-- key: report, milestone
with milestones as (
    unpivot (
        select state || ' · ' || instrument || ' ' || cycle_label as report, state, instrument, cycle_label,
            years_late, status_on_date, submitted_label, submitted_precision, ratified_date, in_force_date, due_date,
            submitted_date, reviewed_date
        from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
        where submitted_date is not null or status_on_date in ('overdue', 'overdue when last known')
    )
    on ratified_date as 'ratified', in_force_date as 'in force', due_date as 'due', submitted_date as 'submitted',
        reviewed_date as 'reviewed'
    into name milestone value milestone_date
)

select
    report,
    milestone,
    case milestone when 'submitted' then submitted_label else strftime(milestone_date, '%Y-%m-%d') end as date_label,
    milestone_date,
    case milestone when 'submitted' then submitted_precision else 'day' end as date_precision,
    status_on_date,
    years_late,
    state,
    instrument,
    cycle_label
from milestones
order by report, milestone_date
