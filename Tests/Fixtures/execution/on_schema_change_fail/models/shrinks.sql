{{ config(materialized='incremental', on_schema_change='fail') }}
select 1 as id
{% if not var('grown', false) %}, 'one' as name{% endif %}
