{{ config(materialized='table') }}
select 'x' as id, 2 as extra
