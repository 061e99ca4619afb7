{#- The built-in seed materialization, to the behaviour of dbt's: the CSV's table is created, or on a later run
    emptied and reloaded (dropped and created again on --full-refresh, or when the CSV's columns changed), its rows
    loaded by load_csv_rows, then grants, comments and hooks as for a table. Its response is `INSERT <rows>`
    (`CREATE <rows>` on a full refresh). A view of the seed's name fails it; anything else that is not a table (a
    materialized view) has the table created over it, which the database refuses, as dbt's does. -#}
{% materialization seed, default %}
    {%- set full_refresh = should_full_refresh() -%}
    {%- set existing = adapter.get_relation(database=this.database, schema=this.schema, identifier=this.identifier) -%}
    {%- set seed_table = load_agate_table() -%}
    {%- set target = this.incorporate(type='table') -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- if existing is not none and existing.is_view -%}
        {{ exceptions.raise_compiler_error("Cannot seed to '" ~ existing.render() ~ "', it is a view") }}
    {%- elif existing is not none and existing.is_table -%}
        {%- set prepare_sql = reset_csv_table(model, full_refresh, existing, seed_table) -%}
    {%- else -%}
        {%- set prepare_sql = create_csv_table(model, seed_table) -%}
    {%- endif -%}
    {%- set insert_sql = load_csv_rows(model, seed_table) -%}
    {%- set code = 'CREATE' if full_refresh else 'INSERT' -%}
    {%- set loaded = seed_table.loaded_rows -%}
    {%- do store_raw_result('main', message=code ~ ' ' ~ loaded, code=code, rows_affected=loaded) -%}

    {%- do apply_grants(target, config.get('grants'), should_revoke=existing is not none and not full_refresh) -%}
    {%- do persist_docs(target, model) -%}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target]}) }}
{% endmaterialization %}
