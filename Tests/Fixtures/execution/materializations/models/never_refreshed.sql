{{ config(materialized='incremental', full_refresh=false) }}
select * from {{ ref('source_rows') }}
{% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}
