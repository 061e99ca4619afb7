{#- The query that judges a data test, dispatched by adapter as dbt's: the test's rows counted by `fail_calc`
    and compared by `warn_if` and `error_if`; the test materialization reads its one row. -#}
{% macro get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
    {{ return(adapter.dispatch('get_test_sql', 'dbt')(main_sql, fail_calc, warn_if, error_if, limit)) }}
{%- endmacro %}

{% macro default__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
select
    {{ fail_calc }} as failures,
    {{ fail_calc }} {{ warn_if }} as should_warn,
    {{ fail_calc }} {{ error_if }} as should_error
from (
{{ main_sql }}
{{ 'limit ' ~ limit if limit is not none }}
) dbt_internal_test
{%- endmacro %}

{#- `sql` with at most `limit` rows (all when none). -#}
{% macro get_limit_subquery_sql(sql, limit) -%}
    {{ return(adapter.dispatch('get_limit_sql', 'dbt')(sql, limit)) }}
{%- endmacro %}

{% macro default__get_limit_sql(sql, limit) -%}
{{ sql }}{% if limit is not none %}
limit {{ limit }}{% endif %}
{%- endmacro %}
