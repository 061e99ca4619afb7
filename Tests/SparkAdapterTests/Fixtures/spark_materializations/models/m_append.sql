{{ config(materialized='incremental') }}
select {{ var('n') }} as id
