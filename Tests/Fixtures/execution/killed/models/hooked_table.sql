{{ config(materialized='table', post_hook=slow_hook()) }}
select 1 as id, '{{ var("label") }}' as label
