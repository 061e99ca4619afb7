{{ config(materialized='incremental', on_schema_change='fail') }}
select 1 as id, 'one' as name
{% if var('grown', false) %}, 10 as amount{% endif %}
