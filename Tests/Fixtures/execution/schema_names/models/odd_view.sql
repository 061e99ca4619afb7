{{ config(materialized='view', schema=odd_schema(), alias='v"i`e[w]') }}
select id, "c""ol", "[batch]" from {{ ref('odd_table') }}
