{{ config(materialized='incremental', schema=odd_schema(), alias='i"n`c[r]', unique_key='id', incremental_strategy='merge') }}
select id, "c""ol" || ' {{ var('batch') }}' as "v""al" from {{ ref('odd_view') }}
union all
select {{ var('batch') }} + 1, 'batch row'
