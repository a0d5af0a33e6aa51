-- one row per row of the named table (the name is checked against the tables that exist before it gets here)
-- key: (the named table's own rows)
select * from query_table($table_name)
