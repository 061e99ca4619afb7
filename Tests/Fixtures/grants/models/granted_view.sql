{{ config(materialized='view', grants={'select': [var('reader')]}) }}
select 1 as id
