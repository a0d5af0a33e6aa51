-- one row per shipped table: its row count
select 'states' as table_name, count(*) as row_count from states
union all select 'instruments', count(*) from instruments
union all select 'ratifications', count(*) from ratifications
union all select 'reports', count(*) from reports
union all select 'reviews', count(*) from reviews
union all select 'delegation', count(*) from delegation
union all select 'stakeholders', count(*) from stakeholders
union all select 'cases', count(*) from cases
union all select 'evidence', count(*) from evidence
union all select 'committee_figures', count(*) from committee_figures
union all select 'sessions', count(*) from sessions
union all select 'upr_recommendations', count(*) from upr_recommendations
union all select 'complaints', count(*) from complaints
