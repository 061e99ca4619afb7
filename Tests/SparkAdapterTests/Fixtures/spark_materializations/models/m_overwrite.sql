{{ config(materialized='incremental', incremental_strategy='insert_overwrite', partition_by=['p']) }}
select {{ var('n') }} as id, 'same' as p
union all
select {{ var('n') * 10 }}, 'p{{ var("n") }}'
