-- one row per reporting-calendar event of a state in scope: a report's due date or a review, in date order
-- (the same events, with the same UIDs, as the state's iCalendar feed)
-- key: uid
with events as (
    select
        iso3 || '-' || instrument || '-' || cycle || '-due@treaty-compliance-dashboard' as uid,
        state,
        coalesce(due_date, due_date_stated) as event_date,
        instrument || ' ' || cycle_label || ' report due' as event,
        status_on_date,
        coalesce(lateness_basis, submitted_basis) as lateness_basis,
        coalesce(submitted_source, unsubmitted_source, source) as source,
        iso3
    from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
    where due_date is not null or due_date_stated_precision = 'day'

    union all

    select
        review_id || '@treaty-compliance-dashboard',
        state,
        start_date,
        body || ' review (' || review_id || ')',
        null,
        null,
        source,
        iso3
    from reviews_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)
    where start_date is not null and iso3 is not null
)

select event_date, state, event, status_on_date, lateness_basis, source, uid, iso3
from events
order by event_date, uid
