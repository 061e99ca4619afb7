{#- SQLite's variants of the materializations' helpers: `?` placeholders for a seed's rows, and a test's verdicts as
    1 or 0, SQLite having no boolean type. -#}

{% macro sqlite__get_binding_char() -%}
    {{ return('?') }}
{%- endmacro %}

{% macro sqlite__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
select
    {{ fail_calc }} as failures,
    case when {{ fail_calc }} {{ warn_if }} then 1 else 0 end as should_warn,
    case when {{ fail_calc }} {{ error_if }} then 1 else 0 end as should_error
from (
{{ main_sql }}
{{ 'limit ' ~ limit if limit is not none }}
) dbt_internal_test
{%- endmacro %}

{#- SQLite has neither privileges nor comments: `grants` and `persist_docs` do nothing there. -#}
{% macro sqlite__apply_grants(relation, grant_config, should_revoke=True) -%}
{%- endmacro %}

{% macro sqlite__persist_docs(relation, model, for_relation, for_columns) -%}
{%- endmacro %}
