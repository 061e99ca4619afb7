{#- What the seed materialization builds with, dispatched by adapter as dbt's: the table for a CSV, emptying or
    recreating it on a later run, and loading its rows. A seed's table (`load_agate_table()`) holds the CSV's
    header and inferred types, not its rows: swiftdbt reads and binds those in Swift (`insert_into`). -#}

{#- Creates `this` with the CSV's columns: each the `column_types` config's type, else the adapter's for what was inferred. -#}
{% macro create_csv_table(model, agate_table) -%}
    {{ return(adapter.dispatch('create_csv_table', 'dbt')(model, agate_table)) }}
{%- endmacro %}

{% macro default__create_csv_table(model, agate_table) -%}
    {%- set overrides = model['config'].get('column_types') or {} -%}
    {%- set definitions = [] -%}
    {%- for name in agate_table.column_names -%}
        {%- do definitions.append(adapter.quote(name) ~ ' ' ~ overrides.get(name, adapter.convert_type(agate_table, loop.index0))) -%}
    {%- endfor -%}
    {%- set sql = 'create table ' ~ this.render() ~ ' (' ~ definitions | join(', ') ~ ')' -%}
    {%- call statement('_') -%}{{ sql }}{%- endcall -%}
    {{ return(sql) }}
{%- endmacro %}

{#- Makes the existing table `old_relation` ready for the rows again: emptied when its columns are the CSV's,
    dropped and created again on a full refresh or when they changed. -#}
{% macro reset_csv_table(model, full_refresh, old_relation, agate_table) -%}
    {{ return(adapter.dispatch('reset_csv_table', 'dbt')(model, full_refresh, old_relation, agate_table)) }}
{%- endmacro %}

{% macro default__reset_csv_table(model, full_refresh, old_relation, agate_table) -%}
    {%- set present = adapter.get_columns_in_relation(old_relation) | map(attribute='name') | map('lower') | list -%}
    {%- set wanted = agate_table.column_names | map('lower') | list -%}
    {%- if full_refresh or present != wanted -%}
        {%- do adapter.drop_relation(old_relation) -%}
        {{ return(create_csv_table(model, agate_table)) }}
    {%- endif -%}
    {%- do adapter.truncate_relation(old_relation) -%}
    {{ return('truncate table ' ~ old_relation.render()) }}
{%- endmacro %}

{#- The placeholder a bound value takes in an insert. -#}
{% macro get_binding_char() -%}
    {{ return(adapter.dispatch('get_binding_char', 'dbt')()) }}
{%- endmacro %}

{% macro default__get_binding_char() -%}
    {{ return('%s') }}
{%- endmacro %}

{#- How many rows go to the database at a time. -#}
{% macro get_batch_size() -%}
    {{ return(adapter.dispatch('get_batch_size', 'dbt')()) }}
{%- endmacro %}

{% macro default__get_batch_size() -%}
    {{ return(10000) }}
{%- endmacro %}

{#- The seed's column names, quoted and joined by commas, for an insert. -#}
{% macro get_seed_column_quoted_csv(model, column_names) -%}
    {%- set quoted = [] -%}
    {%- for name in column_names -%}
        {%- do quoted.append(adapter.quote(name)) -%}
    {%- endfor -%}
    {{ return(quoted | join(', ')) }}
{%- endmacro %}

{#- Loads the CSV's rows into `this`, `get_batch_size()` at a time, values bound; returns the insert statement
    (one row of placeholders), for the record. -#}
{% macro load_csv_rows(model, agate_table) -%}
    {{ return(adapter.dispatch('load_csv_rows', 'dbt')(model, agate_table)) }}
{%- endmacro %}

{% macro default__load_csv_rows(model, agate_table) -%}
    {%- set placeholders = [] -%}
    {%- for name in agate_table.column_names -%}
        {%- do placeholders.append(get_binding_char()) -%}
    {%- endfor -%}
    {%- do agate_table.insert_into(this, get_batch_size()) -%}
    {{ return('insert into ' ~ this.render() ~ ' (' ~ get_seed_column_quoted_csv(model, agate_table.column_names) ~ ') values ('
              ~ placeholders | join(', ') ~ ')') }}
{%- endmacro %}
