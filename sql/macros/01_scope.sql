-- shared filters: a state is in scope when the state and regional-group filters admit it; a span of years
-- is in scope when it overlaps the year range (null bounds are open; a span of unknown years is out once a bound is set)
create or replace macro in_scope(code, sts, grp) as (
    (len(sts) = 0 or list_contains(sts, code))
    and (grp is null or code in (select iso3 from states where un_regional_group = grp))
);

create or replace macro in_instruments(inst, insts) as (len(insts) = 0 or list_contains(insts, inst));

create or replace macro in_years(first_year, last_year, year_from, year_to) as (
    (year_from is null or coalesce(last_year, first_year) >= year_from)
    and (year_to is null or coalesce(first_year, last_year) <= year_to)
);

create or replace macro date_label(d, precision) as (
    case precision
        when 'year' then strftime(d, '%Y')
        when 'month' then strftime(d, '%B %Y')
        else strftime(d, '%Y-%m-%d')
    end
);

-- the main treaty a committee monitors, so complaint decisions follow the instrument filter
create or replace macro committee_instrument(committee) as (
    case committee
        when 'CCPR' then 'ICCPR'
        when 'CERD' then 'ICERD'
        when 'CESCR' then 'ICESCR'
        when 'CED' then 'CPED'
        when 'CMW' then 'ICMW'
        else committee
    end
);

-- UPR Working Group sessions run three a year from April 2008 (1-3 in 2008, ..., 19-20 in 2014)
create or replace macro upr_session_year(session) as (2008 + (session - 1) // 3);
