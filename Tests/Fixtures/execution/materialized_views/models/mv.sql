{{ config(materialized='materialized_view', indexes=var('mv_indexes', [{'columns': ['id']}]),
          on_configuration_change=var('occ', 'apply')) }}
select id, name from {{ ref('base') }}
