{{ config(materialized='incremental', grants={'select': [var('reader')]}) }}
select 1 as id
