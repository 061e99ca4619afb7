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
    {%- set merge = get_merge_clauses(source, unique_key, dest_columns, incremental_predicates) -%}
    {%- set statements = [] -%}
    {%- if merge.assignments -%}
        {%- do statements.append('update ' ~ target ~ ' as DBT_INTERNAL_DEST set ' ~ merge.assignments ~ '\nfrom ' ~ source
                                 ~ ' as DBT_INTERNAL_SOURCE where ' ~ merge.on) -%}
    {%- endif -%}
    {%- do statements.append('insert into ' ~ target ~ ' (' ~ merge.columns ~ ')\nselect ' ~ merge.source_columns ~ ' from ' ~ source
                             ~ ' as DBT_INTERNAL_SOURCE\nwhere not exists (select 1 from ' ~ target ~ ' as DBT_INTERNAL_DEST where ' ~ merge.on ~ ')') -%}
    {{ return(statements | join(';\n')) }}
{%- endmacro %}
