{{ config(materialized='incremental', incremental_strategy='replace_all') }}
select {{ var('batch') }} as id, 'batch {{ var("batch") }}' as label
union all
select 10 + {{ var('batch') }} as id, 'batch {{ var("batch") }}' as label
