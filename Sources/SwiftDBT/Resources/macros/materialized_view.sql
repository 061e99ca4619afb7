{#- The `materialized_view` materialization, written to the behaviour of dbt's: created on the first run;
    on later runs refreshed, or, when its `indexes` config changed, changed as `on_configuration_change`
    says (`apply` the index changes, `continue` with a warning, `fail`); replaced when `--full-refresh`
    asks or another kind of relation has its name; `persist_docs` after each statement that built or refreshed
    it, as dbt's. The SQL is the adapter's (materialized_view_postgres.sql);
    an adapter without it fails the model as dbt's does. -#}

{% materialization materialized_view, default %}
    {%- set target = this.incorporate(type='materialized_view') -%}
    {%- set existing = materialized_view_existing_kind(this) -%}
    {%- set intermediate = make_intermediate_relation(target) -%}
    {%- set backup = make_backup_relation(target, 'materialized_view') -%}
    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}
    {%- if existing is none -%}
        {%- set build_sql = get_create_materialized_view_as_sql(target, sql) -%}
    {%- elif should_full_refresh() or existing != 'materialized_view' -%}
        {%- set build_sql = get_replace_materialized_view_sql(existing, target, intermediate, backup, sql) -%}
    {%- else -%}
        {%- set changes = get_materialized_view_index_changes(target) -%}
        {%- set on_change = config.get('on_configuration_change') or 'apply' -%}
        {%- if not changes -%}
            {%- set build_sql = refresh_materialized_view(target) -%}
        {%- elif on_change == 'apply' -%}
            {%- set build_sql = get_alter_materialized_view_indexes_sql(target, changes) -%}
        {%- elif on_change == 'continue' -%}
            {%- set build_sql = '' -%}
            {{ exceptions.warn("Configuration changes were identified and `on_configuration_change` was set to `continue` for `" ~ target.render() ~ "`") }}
        {%- else -%}
            {{ exceptions.raise_compiler_error("Configuration changes were identified and `on_configuration_change` was set to `fail` for `" ~ target.render() ~ "`") }}
        {%- endif -%}
    {%- endif -%}
    {%- if build_sql | trim -%}
        {%- call statement('main') -%}{{ build_sql }}{%- endcall -%}
        {%- do persist_docs(target, model) -%}
    {%- else -%}
        {%- do store_raw_result(name='main', message='skip ' ~ target, code='skip', rows_affected='-1') -%}
    {%- endif -%}
    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target]}) }}
{% endmaterialization %}

{#- 'materialized_view', 'table' or 'view' for what holds the relation's name, none when nothing does. -#}
{% macro materialized_view_existing_kind(relation) -%}
    {{ return(adapter.dispatch('materialized_view_existing_kind', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__materialized_view_existing_kind(relation) -%}
    {%- set found = load_cached_relation(relation) -%}
    {{ return(found.type if found is not none else none) }}
{%- endmacro %}

{% macro get_create_materialized_view_as_sql(relation, sql) -%}
    {{ return(adapter.dispatch('get_create_materialized_view_as_sql', 'dbt')(relation, sql)) }}
{%- endmacro %}

{% macro default__get_create_materialized_view_as_sql(relation, sql) -%}
    {{ exceptions.raise_compiler_error("`get_create_materialized_view_as_sql` has not been implemented for this adapter.") }}
{%- endmacro %}

{% macro refresh_materialized_view(relation) -%}
    {{ return(adapter.dispatch('refresh_materialized_view', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__refresh_materialized_view(relation) -%}
    {{ exceptions.raise_compiler_error("`refresh_materialized_view` has not been implemented for this adapter.") }}
{%- endmacro %}

{#- Builds the new materialized view beside the old relation, then swaps it in and drops the old one. -#}
{% macro get_replace_materialized_view_sql(existing_kind, relation, intermediate, backup, sql) -%}
    {{ return(adapter.dispatch('get_replace_materialized_view_sql', 'dbt')(existing_kind, relation, intermediate, backup, sql)) }}
{%- endmacro %}

{% macro default__get_replace_materialized_view_sql(existing_kind, relation, intermediate, backup, sql) -%}
    {{ exceptions.raise_compiler_error("`get_replace_materialized_view_sql` has not been implemented for this adapter.") }}
{%- endmacro %}

{#- The index changes between the `indexes` config and the materialized view's indexes: a list of
    `{'action': 'drop', 'name': ...}` and `{'action': 'create', 'index': {...}}`, empty when none. -#}
{% macro get_materialized_view_index_changes(relation) -%}
    {{ return(adapter.dispatch('get_materialized_view_index_changes', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_materialized_view_index_changes(relation) -%}
    {{ return([]) }}
{%- endmacro %}

{% macro get_alter_materialized_view_indexes_sql(relation, changes) -%}
    {{ return(adapter.dispatch('get_alter_materialized_view_indexes_sql', 'dbt')(relation, changes)) }}
{%- endmacro %}

{% macro default__get_alter_materialized_view_indexes_sql(relation, changes) -%}
    {{ exceptions.raise_compiler_error("`get_alter_materialized_view_indexes_sql` has not been implemented for this adapter.") }}
{%- endmacro %}
