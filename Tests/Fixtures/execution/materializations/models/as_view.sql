{{ config(materialized='view') }}
select id, name from {{ ref('source_rows') }}
