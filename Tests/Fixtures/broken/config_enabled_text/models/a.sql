{{ config(materialized='table', enabled='maybe') }}
select 1 as id
