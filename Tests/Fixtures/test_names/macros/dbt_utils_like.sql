{% test dbt_utils_like(model, column_name, options) %}select 1 where false{% endtest %}
