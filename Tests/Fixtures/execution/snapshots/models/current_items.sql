{# Reads a snapshot: its current rows. #}
select id, name, status from {{ ref('ts_ignore') }} where dbt_valid_to is null
