{#- SQLite's variants of the SQL materializations build with (dispatched from swiftdbt/macros/materializations.sql). -#}

{#- SQLite keeps temporary tables in a schema of their own, where the relation's name would not
    reach them: the table is an ordinary one, which the materialization drops. As dbt-sqlite, a
    contract is not enforced (a warning says so). -#}
{% macro sqlite__create_table_as(temporary, relation, sql) -%}
{%- if contract_enforced() -%}
    {{ exceptions.warn("Model contracts cannot be enforced by sqlite!") }}
{%- endif -%}
create table {{ relation }} as
{{ sql }}
{%- endmacro %}

{#- SQLite has no `merge`: matched rows updated from the batch, then the unmatched ones inserted. -#}
{% macro sqlite__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
    {{ return(get_update_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates)) }}
{%- endmacro %}
