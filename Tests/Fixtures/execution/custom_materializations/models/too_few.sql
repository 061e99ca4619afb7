{{ config(materialized='checked_table', min_rows=var('min_rows')) }}
select {{ var('batch') }} as id
