{{ config(materialized='uncommitted') }}
select 1 as id
