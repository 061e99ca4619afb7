{{ config(materialized='checked_table', min_rows=2, post_hook="insert into {{ this }} (id) values (100)") }}
select 1 as id
union all
select {{ var('batch') }} + 1 as id
