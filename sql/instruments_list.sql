-- one row per instrument, reporting ones first, then the UPR (not a treaty) for reviews
-- key: instrument
select instrument, name, reporting, position from instruments
union all
select 'UPR', 'Universal Periodic Review (Human Rights Council; not a treaty)', false, 99
order by position
