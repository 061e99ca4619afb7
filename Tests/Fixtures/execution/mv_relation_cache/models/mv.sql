{{ config(materialized='custom_mv') }}
select id from {{ ref('base') }}
