-- The scope macros: every query selects from these, and no query repeats a filter condition.
-- Each takes the shared filters ($state, $group, $instrument, $year_from, $year_to, $as_of) and returns only
-- what existed on the as-of date: nothing ratified, reported, reviewed, raised or decided after it.

-- one row per party in scope: ratified (or acceded, succeeded...) by the as-of date and not since denounced
create or replace macro ratifications_in_scope(sts, grp, insts, as_of) as table
select r.*
from ratifications as r
where state_admitted(r.iso3, sts, grp) and instrument_admitted(r.instrument, insts)
    and known_by(r.action_date, r.action_year, as_of) and not coalesce(r.denounced, false);

-- one row per report in scope: its status on the as-of date (report_status), for a ratification made by then,
-- whose span from due date to review overlaps the year range
create or replace macro reports_in_scope(sts, grp, insts, year_from, year_to, as_of) as table
select s.*
from report_status(as_of) as s
where state_admitted(s.iso3, sts, grp) and instrument_admitted(s.instrument, insts)
    and (s.ratified_date is null and s.ratified_year is null or known_by(s.ratified_date, s.ratified_year, as_of))
    and years_overlap(
        year(coalesce(s.due_date, s.submitted_date)),
        year(coalesce(s.reviewed_date, s.submitted_date, as_of::date)),
        year_from, year_to
    );

-- one row per curated review in scope, held by the as-of date
create or replace macro reviews_in_scope(sts, grp, insts, year_from, year_to, as_of) as table
select r.*
from reviews as r
where state_admitted(r.iso3, sts, grp) and instrument_admitted(r.instrument, insts)
    and years_overlap(year(r.start_date), year(r.start_date), year_from, year_to)
    and (r.start_date is null or r.start_date <= as_of::date);

-- one row per case a review in scope raised, with the review's state, body and date
create or replace macro cases_in_scope(sts, grp, insts, year_from, year_to, as_of) as table
select c.*, r.state, r.iso3, r.body, r.instrument, r.start_date
from cases as c
inner join reviews_in_scope(sts, grp, insts, year_from, year_to, as_of) as r using (review_id);

-- one row per delegation member or institution of a review in scope
create or replace macro delegation_in_scope(sts, grp, insts, year_from, year_to, as_of) as table
select d.*, r.state, r.iso3, r.body, r.start_date
from delegation as d
inner join reviews_in_scope(sts, grp, insts, year_from, year_to, as_of) as r using (review_id);

-- one row per stakeholder entry of a review in scope
create or replace macro stakeholders_in_scope(sts, grp, insts, year_from, year_to, as_of) as table
select s.*, r.state, r.iso3, r.body, r.start_date
from stakeholders as s
inner join reviews_in_scope(sts, grp, insts, year_from, year_to, as_of) as r using (review_id);

-- one row per further source on a field of a review in scope
create or replace macro evidence_in_scope(sts, grp, insts, year_from, year_to, as_of) as table
select e.*, r.state, r.iso3, r.start_date
from evidence as e
inner join reviews_in_scope(sts, grp, insts, year_from, year_to, as_of) as r using (review_id);

-- one row per UPR recommendation in scope (the UPR is no treaty: the instrument filter does not apply)
create or replace macro upr_in_scope(sts, grp, year_from, year_to, as_of) as table
select u.*, upr_session_year(u.session) as session_year
from upr_recommendations as u
where state_admitted(u.iso3, sts, grp)
    and years_overlap(upr_session_year(u.session), upr_session_year(u.session), year_from, year_to)
    and known_by(null::date, upr_session_year(u.session), as_of);

-- one row per individual-complaint decision in scope, decided by the as-of date; a decision naming no state
-- is in scope only while no state filter is set
create or replace macro complaints_in_scope(sts, grp, insts, year_from, year_to, as_of) as table
select c.*, committee_instrument(c.committee) as instrument
from complaints as c
where (c.iso3 is null and len(sts) = 0 and grp is null or state_admitted(c.iso3, sts, grp))
    and instrument_admitted(committee_instrument(c.committee), insts)
    and years_overlap(year(c.decision_date), year(c.decision_date), year_from, year_to)
    and known_by(c.decision_date, null::bigint, as_of);

-- one row per figure from a committee's annual report in scope, published by the as-of date
create or replace macro committee_figures_in_scope(insts, year_from, year_to, as_of) as table
select f.*, committee_instrument(f.committee) as instrument
from committee_figures as f
where instrument_admitted(committee_instrument(f.committee), insts)
    and years_overlap(year(f.period_end), year(f.period_end), year_from, year_to)
    and coalesce(f.as_at_date, f.period_end) <= as_of::date;

-- one row per participant in scope that had signed, ratified or denounced by the as-of date, with its standing
create or replace macro participants_in_scope(sts, grp, insts, as_of) as table
select
    r.*,
    case
        when known_by(r.action_date, r.action_year, as_of) and coalesce(r.denounced, false) then 'denounced'
        when known_by(r.action_date, r.action_year, as_of) then 'party'
        else 'signatory'
    end as standing
from ratifications as r
where state_admitted(r.iso3, sts, grp) and instrument_admitted(r.instrument, insts)
    and (known_by(r.action_date, r.action_year, as_of) or known_by(r.signature_date, null::bigint, as_of));

-- one row per complaint procedure open to a party in scope (a party of the treaty it belongs to), with whether
-- (and when) the state accepted it by the as-of date
create or replace macro complaint_acceptance_in_scope(sts, grp, insts, as_of) as table
select
    a.* replace (a.accepted and (a.accepted_date is null or a.accepted_date <= as_of::date) as accepted),
    i.name as instrument_name
from complaint_acceptance as a
inner join ratifications_in_scope(sts, grp, []::varchar[], as_of) as p
    on p.iso3 = a.iso3 and p.instrument = a.party_instrument
left join instruments as i on i.instrument = a.instrument
where instrument_admitted(committee_instrument(a.committee), insts);

-- one row per piece of text a state deposited or received on a treaty page in scope (as the page stood on
-- 2026-02-03: a text dated after the as-of date is left out; an undated one is kept)
create or replace macro treaty_texts_in_scope(sts, grp, insts, as_of) as table
select t.*
from treaty_texts as t
where state_admitted(t.iso3, sts, grp) and instrument_admitted(t.instrument, insts)
    and (t.text_date is null or t.text_date <= as_of::date);

-- one row per objection other states lodged against a state in scope
create or replace macro objections_received_in_scope(sts, grp, insts, as_of) as table
select t.*
from treaty_texts as t
where t.kind = 'objection' and state_admitted(t.about_iso3, sts, grp) and instrument_admitted(t.instrument, insts)
    and (t.text_date is null or t.text_date <= as_of::date);

-- one row per report status a source states, as at a date by the as-of date (rows naming no report included)
create or replace macro report_statuses_in_scope(sts, grp, insts, as_of) as table
select s.*
from report_statuses as s
where state_admitted(s.iso3, sts, grp) and instrument_admitted(s.instrument, insts)
    and coalesce(s.status_as_of, s.submitted_date) <= as_of::date;

-- one row per place two ratification sources disagree, for states in scope (historical participants: no filter)
create or replace macro ratification_checks_in_scope(sts, grp, insts) as table
select c.*
from ratification_checks as c
where (c.iso3 is null and len(sts) = 0 and grp is null or state_admitted(c.iso3, sts, grp))
    and instrument_admitted(c.instrument, insts);

-- one row per review in scope: its stated delegation size and head, and which institution types the sources show
create or replace macro delegations_in_scope(sts, grp, insts, year_from, year_to, as_of) as table
with members as (
    select
        review_id,
        -- a person two sources name is one member
        count(distinct name) filter (where kind = 'person') as named_members,
        list(distinct institution_type order by institution_type) filter (where institution_type is not null)
            as institution_types
    from delegation_in_scope(sts, grp, insts, year_from, year_to, as_of)
    group by all
)

select
    r.*,
    coalesce(m.named_members, 0) as named_members,
    m.institution_types,
    coalesce(list_contains(m.institution_types, 'defence_military'), false) as military,
    coalesce(list_contains(m.institution_types, 'interior_police'), false) as police,
    coalesce(list_contains(m.institution_types, 'intelligence'), false) as intelligence,
    coalesce(list_contains(m.institution_types, 'nhri'), false) as nhri
from reviews_in_scope(sts, grp, insts, year_from, year_to, as_of) as r
left join members as m using (review_id);

-- one row per state in scope and reporting instrument it is party to on the as-of date: how much the record knows
-- of it (ratification only < due date < status known < reviewed)
create or replace macro knowledge_in_scope(sts, grp, insts, as_of) as table
with reported as (
    select
        iso3,
        instrument,
        bool_or(due_date is not null) as due_known,
        bool_or(status_on_date in ('submitted', 'submitted (date not known)', 'overdue', 'overdue when last known'))
            as status_known
    from reports_in_scope(sts, grp, insts, null::bigint, null::bigint, as_of)
    group by all
),

reviewed as (
    select distinct iso3, instrument
    from reviews_in_scope(sts, grp, insts, null::bigint, null::bigint, as_of)
)

select
    s.name as state,
    p.instrument,
    case
        when v.iso3 is not null then 'reviewed'
        when r.status_known then 'status known'
        when r.due_known then 'due date'
        else 'ratification only'
    end as known_level,
    i.position,
    p.iso3
from ratifications_in_scope(sts, grp, insts, as_of) as p
inner join instruments as i on i.instrument = p.instrument and i.reporting
left join states as s on s.iso3 = p.iso3
left join reported as r on r.iso3 = p.iso3 and r.instrument = p.instrument
left join reviewed as v on v.iso3 = p.iso3 and v.instrument = p.instrument
where p.iso3 is not null;

-- one row per state in scope with initial reports: OHCHR's on-time share on the as-of date,
-- (1 - overdue / reporting instruments ratified) x 100, given only where every initial report's status is known then
create or replace macro on_time_in_scope(sts, grp, insts, year_from, year_to, as_of) as table
with per_state as (
    select
        iso3,
        state,
        count(*) as instruments_ratified,
        count(*) filter (where status_on_date = 'overdue') as overdue,
        count(*) filter (where status_on_date in ('submitted', 'submitted (date not known)', 'overdue', 'not yet due'))
            as status_known
    from reports_in_scope(sts, grp, insts, year_from, year_to, as_of)
    where cycle = 1
    group by all
)

select
    *,
    case when status_known = instruments_ratified then round((1 - overdue / instruments_ratified) * 100, 1) end
        as on_time_share,
    status_known = instruments_ratified as complete
from per_state;

-- one row per state the state and regional-group filters admit
create or replace macro states_in_scope(sts, grp) as table
select s.* from states as s where state_admitted(s.iso3, sts, grp);
