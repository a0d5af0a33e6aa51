-- one row per measure and state in scope (the page sets the states side by side, one column each), the value as
-- text; a measure no source gives for a state is empty ("not known"); counts are of what the record holds
-- key: position, state
with chosen as (
    select iso3, name from states_in_scope($state, $group)
),

rat as (select * from ratifications_in_scope($state, $group, $instrument, $as_of)),
rep as (select * from reports_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)),
rev as (select * from reviews_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)),
del as (select * from delegations_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)),
stk as (select * from stakeholders_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)),
cas as (select * from cases_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)),
acc as (select * from complaint_acceptance_in_scope($state, $group, $instrument, $as_of)),
cmp as (select * from complaints_in_scope($state, $group, $instrument, $year_from, $year_to, $as_of)),
upr as (select * from upr_in_scope($state, $group, $year_from, $year_to, $as_of)),

measures as (
    select
        c.name as state,
        (select count(*) from rat where rat.iso3 = c.iso3)::varchar as m01,
        coalesce((select instrument || ' (' || strftime(action_date, '%Y-%m-%d') || ')' from rat
            where rat.iso3 = c.iso3 and action_date is not null order by action_date desc, instrument limit 1),
            'none') as m02,
        (select count(*) from rep where rep.iso3 = c.iso3 and status_on_date = 'overdue')::varchar as m03,
        (select count(*) from rep where rep.iso3 = c.iso3 and status_on_date = 'overdue when last known')::varchar as m04,
        (select count(*) from rep where rep.iso3 = c.iso3 and status_on_date = 'status not known')::varchar as m05,
        (select median(years_late) from rep where rep.iso3 = c.iso3 and status_on_date = 'submitted')::varchar as m06,
        (select count(*) from rev where rev.iso3 = c.iso3)::varchar as m07,
        coalesce((select max(start_date)::varchar from rev where rev.iso3 = c.iso3), 'none curated') as m08,
        (select median(delegation_size)::varchar from del where del.iso3 = c.iso3) as m09,
        (select count(*) filter (where nhri) || ' of ' || count(*) from del where del.iso3 = c.iso3) as m10,
        (select count(*) filter (where military or police or intelligence) || ' of ' || count(*) from del
            where del.iso3 = c.iso3) as m11,
        (select count(*) from stk where stk.iso3 = c.iso3 and participation = 'absent_noted_by_committee')::varchar
            as m12,
        (select count(*) from cas where cas.iso3 = c.iso3 and case_kind = 'named_case')::varchar as m13,
        (select count(*) from cas where cas.iso3 = c.iso3 and case_kind = 'named_case' and outcome = 'convicted')::varchar
            as m14,
        coalesce((select string_agg(committee, ', ' order by committee) from acc where acc.iso3 = c.iso3
            and accepted and procedure = 'individual'), 'none') as m15,
        (select count(*) from cmp where cmp.iso3 = c.iso3)::varchar as m16,
        (select count(*) filter (where response = 'accepted') || ' accepted, ' || count(*) filter (where response = 'noted')
            || ' noted' from upr where upr.iso3 = c.iso3 and response in ('accepted', 'noted')) as m17
    from chosen as c
),

labels (position, measure) as (
    values
        (1, 'Instruments party to (of 18)'),
        (2, 'Latest instrument joined'),
        (3, 'Reports overdue on the as-of date'),
        (4, 'Reports overdue when last known'),
        (5, 'Reports whose status no source states'),
        (6, 'Median years late, reports submitted (treaty''s rule)'),
        (7, 'Reviews curated'),
        (8, 'Latest review curated'),
        (9, 'Delegation size, median of those stated'),
        (10, 'Delegations showing the NHRI'),
        (11, 'Delegations showing military, police or intelligence'),
        (12, 'Absences the committees noted'),
        (13, 'Named cases raised in reviews'),
        (14, 'Of which convicted'),
        (15, 'Individual complaints accepted (committees)'),
        (16, 'Complaint decisions, to 2016-05-07'),
        (17, 'UPR recommendations, 2008-2014')
),

long as (
    select state, cast(substr(name, 2) as integer) as position, value
    from (unpivot measures on columns(* exclude (state)) into name name value value)
),

all_cells as (
    select l.position, l.measure, c.name as state, v.value
    from labels as l
    cross join chosen as c
    left join long as v on v.position = l.position and v.state = c.name
)

select position, measure, state, value
from all_cells
order by position, state
