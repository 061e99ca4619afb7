-- A data test on a snapshot: at most one current row per id.
select id from {{ ref('ts_ignore') }} where dbt_valid_to is null group by id having count(*) > 1
