{{ config(materialized='view') }}
select id from {{ ref('m1') }}
