-- one row per state any table names: code, name and UN regional group, for the state filter
-- key: iso3
select iso3, name, un_regional_group from states order by name
