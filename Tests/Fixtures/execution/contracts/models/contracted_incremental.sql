{{ config(materialized='incremental', unique_key='id', on_schema_change='append_new_columns') }}
select id, name from {{ ref('customers') }}
{% if is_incremental() %}where id > 1{% endif %}
