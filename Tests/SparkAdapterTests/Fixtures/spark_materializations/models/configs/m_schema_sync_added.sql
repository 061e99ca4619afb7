{{ config(materialized='incremental', on_schema_change='sync_all_columns') }}
select {{ var('n') }} as id{% if var('n') == 2 %}, 'x' as extra{% endif %}
