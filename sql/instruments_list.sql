-- one row per instrument, reporting ones first, then the UPR (not a treaty) for reviews
select instrument, name, reporting from instruments
union all
select 'UPR', 'Universal Periodic Review (Human Rights Council; not a treaty)', false
order by reporting desc, instrument
