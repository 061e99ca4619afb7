-- Takes a quarter of a second on PostgreSQL, so parallel runs overlap visibly.
select pg_sleep(0.25) is null as slept, 5 as id
