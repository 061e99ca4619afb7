{{ config(materialized='incremental', on_schema_change='sync_all_columns') }}
select id, {% if var('batch') == 1 %}name{% else %}amount{% endif %} from {{ ref('source_rows') }}
{% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}
