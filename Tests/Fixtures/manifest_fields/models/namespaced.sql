{{ config(materialized='incremental') }}
select cast(1 as {{ dbt.type_boolean() }}) as flag, {{ manifest_fields.answer() }} as answer,
    {{ dbt.current_timestamp_backcompat() }} as loaded_at, {{ dbt.current_timestamp_in_utc_backcompat() }} as loaded_at_utc
{% if is_incremental() %}where 1 = 1{% endif %}
