-- one row per row of the named table (the name is checked against the tables that exist before it gets here)
select * from query_table($table_name)
