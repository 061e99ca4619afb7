{{ config(materialized='table', schema=odd_schema(), alias='t"a`b[c]') }}
select 1 as id, 'one' as "c""ol", {{ var('batch') }} as "[batch]"
