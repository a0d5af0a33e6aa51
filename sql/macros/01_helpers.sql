-- Helpers for the scope macros below; no query file calls these directly.
-- A state is admitted when the state and regional-group filters admit it.
create or replace macro state_admitted(code, sts, grp) as (
    (len(sts) = 0 or list_contains(sts, code))
    and (grp is null or code in (select iso3 from states where un_regional_group = grp))
);

create or replace macro instrument_admitted(inst, insts) as (len(insts) = 0 or list_contains(insts, inst));

-- a span of years is in the range when it overlaps it (null bounds are open; a span of unknown years is out
-- once a bound is set)
create or replace macro years_overlap(first_year, last_year, year_from, year_to) as (
    (year_from is null or coalesce(last_year, first_year) >= year_from)
    and (year_to is null or coalesce(first_year, last_year) <= year_to)
);

-- Known by the as-of date: a day on or before it; a date known only to its year once that whole year has passed.
create or replace macro known_by(day, year_only, as_of) as (
    coalesce(day <= as_of::date, make_date(year_only::bigint, 12, 31) <= as_of::date, false)
);

create or replace macro date_label(d, precision) as (
    case precision
        when 'year' then strftime(d, '%Y')
        when 'month' then strftime(d, '%B %Y')
        else strftime(d, '%Y-%m-%d')
    end
);

-- the instrument whose reports a committee reviews, from the instruments table the build writes
create or replace macro committee_instrument(body) as (
    coalesce(
        (select i.instrument from instruments as i where i.committee = body and i.reporting order by i.position limit 1),
        body
    )
);

-- UPR Working Group sessions run three a year from April 2008 (1-3 in 2008, ..., 19-20 in 2014): an inferred
-- mapping, so a session's year counts as known by the as-of date only once that whole year has passed
create or replace macro upr_session_year(session) as (2008 + (session - 1) // 3);
