{{ config(materialized='incremental', on_schema_change='append_new_columns') }}
select id, name{% if var('batch') == 2 %}, amount{% endif %} from {{ ref('source_rows') }}
{% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}
