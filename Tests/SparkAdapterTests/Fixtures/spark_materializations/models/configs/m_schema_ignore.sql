{{ config(materialized='incremental', on_schema_change='ignore') }}
select {{ var('n') }} as id{% if var('n') == 2 %}, 'x' as extra{% endif %}
