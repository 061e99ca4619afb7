{{ config(materialized='view') }}
select id, name, zip, active from {{ ref('people') }}
