{{ config(materialized='table') }}
select count(*) as people, sum(score) as total_score, max(joined) as last_joined, max(name) as last_name
from {{ ref('active_people') }}
