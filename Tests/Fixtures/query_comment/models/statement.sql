{{ config(materialized='table') }}
-- The statement that builds this table, as the server's pg_stat_activity shows it while it runs.
select query as q from pg_stat_activity where pid = pg_backend_pid()
