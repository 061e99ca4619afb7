{{ config(materialized='appended_batch') }}
select {{ var('batch') }} as id
union all
select {{ var('batch') }} * 10 as id
