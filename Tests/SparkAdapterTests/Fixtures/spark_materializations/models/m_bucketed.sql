{{ config(materialized='table', file_format='orc', clustered_by=['id'], buckets=2) }}
select 1 as id
