{{ config(materialized='table', partition_by='p', tblproperties={'note': "o'k"}) }}
select {{ var('n') }} as id, 'a' as p
union all
select 2, 'b'
