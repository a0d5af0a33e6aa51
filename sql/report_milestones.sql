-- one row per report in scope and milestone (ratified, in force, due, submitted, reviewed) with its date, for the timeline
with reports_in_scope as (
    select *
    from report_status($as_of)
    where
        in_scope(iso3, $state, $group)
        and in_instruments(instrument, $instrument)
        and in_years(year(coalesce(due_date, submitted_date)), year(coalesce(reviewed_date, submitted_date, $as_of::date)), $year_from, $year_to)
        and (submitted_date is not null or status_on_date = 'overdue')
),

milestones as (
    unpivot (
        select state || ' · ' || instrument || ' ' || cycle_label as report, state, instrument, cycle_label,
            years_late, status_on_date, submitted_label, submitted_precision, ratified_date, in_force_date, due_date, submitted_date,
            reviewed_date
        from reports_in_scope
    )
    on ratified_date as 'ratified', in_force_date as 'in force', due_date as 'due', submitted_date as 'submitted',
        reviewed_date as 'reviewed'
    into name milestone value milestone_date
)

select
    *,
    case milestone when 'submitted' then submitted_label else strftime(milestone_date, '%Y-%m-%d') end as date_label,
    case milestone when 'submitted' then submitted_precision else 'day' end as date_precision
from milestones
order by report, milestone_date
