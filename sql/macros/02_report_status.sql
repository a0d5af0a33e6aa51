-- one row per report as of a date: its timeline, its status on that date, and how late it was.
-- The one definition of overdue and days late: pages and downloads read them from here (through reports_in_scope).
--
-- A status is true as at its source's date. On a later as-of date, a report a source last showed unsubmitted
-- is 'overdue when last known', with that date, and is counted apart from 'overdue' (known on the as-of date).
-- A report known to be submitted by a date (its review, a later report, a source's list) but on no stated day
-- is 'submitted (date not known)' from that date on. A periodic report's due date is never derived.
create or replace macro report_status(as_of) as table
with timeline as (
    select
        r.*,
        s.name as state,
        s.un_regional_group,
        rat.action_date as ratified_date,
        rat.action_year as ratified_year,
        rat.action_type,
        rat.source as ratification_source
    from reports as r
    left join states as s using (iso3)
    left join ratifications as rat on rat.iso3 = r.iso3 and rat.instrument = r.instrument
),

on_date as (
    select
        *,
        case
            when submitted_date is not null and submitted_latest <= as_of::date then 'submitted'
            when coalesce(submitted_latest, submitted_known_as_of) <= as_of::date then 'submitted (date not known)'
            when due_date is null then 'due date not known'
            when as_of::date <= due_date then 'not yet due'
            when unsubmitted_as_of >= as_of::date or submitted_date > as_of::date then 'overdue'
            when unsubmitted_as_of > due_date then 'overdue when last known'
            else 'status not known'
        end as status_on_date
    from timeline
),

lateness as (
    select
        *,
        case status_on_date
            when 'submitted' then submitted_date - due_date
            when 'overdue' then as_of::date - due_date
            when 'overdue when last known' then unsubmitted_as_of - due_date
        end as days_late_min,
        case status_on_date
            when 'submitted' then submitted_latest - due_date
            when 'overdue' then as_of::date - due_date
            when 'overdue when last known' then unsubmitted_as_of - due_date
        end as days_late_max,
        case status_on_date
            when 'overdue' then 'not submitted by ' || strftime(as_of::date, '%Y-%m-%d') || ': late at least this long'
            when 'overdue when last known' then 'not submitted as at '
                || strftime(unsubmitted_as_of, '%Y-%m-%d') || '; nothing later known: late at least this long then'
            when 'submitted' then 'submitted ' || date_label(submitted_date, submitted_precision)
            when 'submitted (date not known)' then submitted_basis
        end as lateness_basis
    from on_date
),

-- what happened after the as-of date is not yet known then: the status above uses it, the row does not show it
known_then as (
    select * replace (
        case when submitted_latest <= as_of::date then submitted_date end as submitted_date,
        case when submitted_latest <= as_of::date then submitted_latest end as submitted_latest,
        case when submitted_latest <= as_of::date then submitted_precision end as submitted_precision,
        case when coalesce(submitted_latest, submitted_known_as_of) <= as_of::date then submitted_basis end
            as submitted_basis,
        case when coalesce(submitted_latest, submitted_known_as_of) <= as_of::date then submitted_other end
            as submitted_other,
        case when unsubmitted_as_of <= as_of::date then unsubmitted_as_of end as unsubmitted_as_of,
        case when unsubmitted_as_of <= as_of::date then unsubmitted_source end as unsubmitted_source,
        case when unsubmitted_as_of <= as_of::date then unsubmitted_quote end as unsubmitted_quote,
        case when reviewed_date <= as_of::date then reviewed_date end as reviewed_date,
        case when reviewed_date <= as_of::date then review_id end as review_id,
        case when coalesce(reviewed_date, status_as_of) <= as_of::date then years_late_text end as years_late_text,
        case when coalesce(reviewed_date, status_as_of) <= as_of::date then years_late_stated end as years_late_stated,
        case when coalesce(reviewed_date, status_as_of) <= as_of::date then years_late_qualifier end as years_late_qualifier,
        case when coalesce(reviewed_date, status_as_of) <= as_of::date then years_late_source end as years_late_source,
        case when coalesce(reviewed_date, status_as_of) <= as_of::date then years_late_quote end as years_late_quote,
        case when coalesce(submitted_latest, submitted_known_as_of) <= as_of::date then submitted_source end
            as submitted_source,
        case when coalesce(submitted_latest, submitted_known_as_of) <= as_of::date then submitted_quote end
            as submitted_quote
    )
    from lateness
)

select
    *,
    round((days_late_min + days_late_max) / 2 / 365.25, 1) as years_late,
    date_label(submitted_date, submitted_precision) as submitted_label,
    date_label(status_as_of, status_as_of_precision) as status_as_at,
    due_date_stated is not null and due_date is not null and case due_date_stated_precision
        when 'year' then year(due_date) <> year(due_date_stated)
        when 'month' then date_trunc('month', due_date) <> due_date_stated
        else due_date <> due_date_stated
    end as due_date_disagrees
from known_then;
