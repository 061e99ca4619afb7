{{ config(materialized='table', grants={'select': ['reader']}) }}
select 1 as id
