{{ config(materialized='view') }}
select {{ var('n') }} as id
