{#- What the table and view materializations (and a first or full-refresh incremental build) share, written to
    the behaviour of swiftdbt's Swift path (Materializer): the relation is built under its `__dbt_tmp` name and
    swapped in, all inside the transaction the materialization commits, so a failure or a killed run leaves
    no `__dbt_tmp` and the previous relation as it was. -#}

{#- The whole `table` or `view` materialization (`type`): hooks around `replace_relation` of the model's query,
    committed before the hooks that run outside the transaction. -#}
{% macro materialize_replacing(type) -%}
    {%- set target = this.incorporate(type=type) -%}
    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}
    {{ replace_relation(target, sql) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target]}) }}
{%- endmacro %}

{#- Builds `target` (a table or a view, by its type) from `sql` beside the old relation, then puts it in place:
    an old table is renamed to `__dbt_backup` and dropped once the new one is finished, an old view is dropped.
    Leftovers of an older run are dropped first. The create statement is `main`. -#}
{% macro replace_relation(target, sql) -%}
    {%- set intermediate = make_intermediate_relation(target) -%}
    {%- set backup = make_backup_relation(target, 'table') -%}
    {%- set existing = load_cached_relation(target) -%}
    {{- drop_relation_if_exists(load_cached_relation(intermediate)) -}}
    {{- drop_relation_if_exists(load_cached_relation(backup)) -}}
    {%- call statement('main') -%}
        {%- if target.is_view -%}{{ get_create_view_as_sql(intermediate, sql) }}{%- else -%}{{ get_create_table_as_sql(False, intermediate, sql) }}{%- endif -%}
    {%- endcall -%}
    {%- if target.is_view -%}
        {#- A database that accepts a view over missing tables (SQLite) fails here, before the old view goes. -#}
        {%- do adapter.get_columns_in_relation(intermediate) -%}
    {%- endif -%}
    {%- if existing is not none and existing.is_table -%}
        {{- adapter.rename_relation(existing, backup) -}}
    {%- elif existing is not none -%}
        {{- adapter.drop_relation(existing) -}}
    {%- endif -%}
    {{- adapter.rename_relation(intermediate, target) -}}
    {{- finish_relation(target, should_revoke=false) -}}
    {%- if existing is not none and existing.is_table -%}
        {{- adapter.drop_relation(backup) -}}
    {%- endif -%}
{%- endmacro %}

{#- What follows a built relation inside its transaction: a rebuilt table's `indexes`, the post-hooks that run
    inside the transaction, the `grants` config (revoking stale privileges only where the relation kept its
    previous ones: `should_revoke`, an incremental run) and `persist_docs`. -#}
{% macro finish_relation(target, should_revoke) -%}
    {%- if not target.is_view and not should_revoke -%}
        {%- do create_indexes(target) -%}
    {%- endif -%}
    {{- run_hooks(post_hooks, inside_transaction=True) -}}
    {%- do apply_grants(target, config.get('grants'), should_revoke=should_revoke) -%}
    {%- do persist_docs(target, model) -%}
{%- endmacro %}
