{{ config(materialized='incremental') }}
select id, name from {{ ref('shown_seed') }}
{% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}
