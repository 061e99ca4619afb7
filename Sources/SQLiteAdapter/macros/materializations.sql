{#- SQLite's own `view`, `table` and `incremental` materializations (dbt-sqlite declares all three, so a project's
    `default` one does not replace them). Tables and incremental models build as everywhere; views differ. -#}

{#- SQLite cannot rename a view: the view is created under its own name inside the transaction that drops the
    old relation, so a failure rolls back to it. A view whose stored statement is already the new one is kept
    (its columns still checked, its hooks still run): every drop makes SQLite recompute the columns of all
    views, which costs the square of a chain's depth. -#}
{% materialization view, adapter='sqlite' %}
    {%- set target = this.incorporate(type='view') -%}
    {%- set existing = load_cached_relation(target) -%}
    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}
    {%- set create = get_create_view_as_sql(target, sql) -%}
    {%- if existing is not none and existing.is_view and adapter.is_view_created_by(target, create) -%}
        {%- do store_raw_result(name='main', message='OK', rows_affected=-1) -%}
    {%- else -%}
        {{ drop_relation_if_exists(existing) }}
        {%- call statement('main') -%}{{ create }}{%- endcall -%}
    {%- endif -%}
    {#- SQLite accepts a view over missing tables: resolving its columns fails here, rolling back to the old one. -#}
    {%- do adapter.get_columns_in_relation(target) -%}
    {{ finish_relation(target, should_revoke=false) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target]}) }}
{% endmaterialization %}

{% materialization table, adapter='sqlite' %}
    {{ return(dbt.materialization_table_default()) }}
{% endmaterialization %}

{% materialization incremental, adapter='sqlite' %}
    {{ return(dbt.materialization_incremental_default()) }}
{% endmaterialization %}

{#- SQLite's variants of the seed and test materializations' helpers: `?` placeholders for a seed's rows, and a test's verdicts as
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

{#- SQLite has no roles or privileges: the `grants` config is not applied. -#}
{% macro sqlite__apply_grants(relation, grant_config, should_revoke=true) -%}
{%- endmacro %}

{#- SQLite has no comments: `persist_docs` writes none. -#}
{% macro sqlite__persist_docs(relation, model, for_relation=true, for_columns=true) -%}
{%- endmacro %}

{#- SQLite has no `alter column ... type`, and dbt-sqlite's incremental materialization changes no column's type
    (Tests/Fixtures/reference/on-schema-change-types.json): under `sync_all_columns` the types stay as they were. -#}
{% macro sqlite__diff_column_data_types(source_columns, target_columns) -%}
    {{ return([]) }}
{%- endmacro %}
