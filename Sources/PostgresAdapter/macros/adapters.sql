{#- PostgreSQL's variants of the SQL materializations build with (dispatched from swiftdbt/macros/materializations.sql). -#}

{#- A temporary table has no schema on PostgreSQL. A contracted table (contracts.sql) is checked
    against its YAML columns, created with their types and constraints, then filled. -#}
{% macro postgres__create_table_as(temporary, relation, sql) -%}
{%- set name = relation.include(database=false, schema=false) if temporary else relation -%}
{%- if contract_enforced() -%}
    {{ get_assert_columns_equivalent(sql) }}
create {% if temporary %}temporary {% endif %}table {{ name }} {{ get_table_columns_and_constraints() }};
insert into {{ name }} ({{ get_column_names() }})
{{ get_select_subquery(sql) }}
{%- else -%}
create {% if temporary %}temporary {% endif %}table {{ name }} as (
{{ sql }}
)
{%- endif -%}
{%- endmacro %}

{#- `merge` came with PostgreSQL 15: an older server gets the same result from an update and an insert
    (`adapter.supports_merge()` is swiftdbt's: the server's `server_version_num` is 150000 or more). -#}
{% macro postgres__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
    {%- if adapter.supports_merge() -%}
        {{ return(default__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates)) }}
    {%- endif -%}
    {{ return(get_update_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates)) }}
{%- endmacro %}

{#- PostgreSQL keeps 63 bytes of a name: the base name is shortened so that it and the suffix fit, rather than the
    server cutting a temporary and a backup name of a long model to the same name. (Counted in characters, as
    dbt-postgres counts; the Swift path counts bytes, which differs only for names of non-ASCII characters.) -#}
{% macro postgres__make_intermediate_relation(base_relation, suffix) -%}
    {%- set identifier = base_relation.identifier[:63 - suffix | length] ~ suffix -%}
    {{ return(base_relation.incorporate(path={"identifier": identifier})) }}
{%- endmacro %}

{#- As dbt-postgres's: a temporary table's name, the suffix and the time of day (to the microsecond) after the
    shortened base name, of no schema or database (PostgreSQL keeps temporary tables in a schema of their own). -#}
{% macro postgres__make_temp_relation(base_relation, suffix) -%}
    {%- set suffix = suffix ~ modules.datetime.datetime.now().strftime('%H%M%S%f') -%}
    {%- set named = postgres__make_intermediate_relation(base_relation, suffix) -%}
    {{ return(named.incorporate(path={"schema": none, "database": none})) }}
{%- endmacro %}

{#- A table or view PostgreSQL builds anew starts without the old one's grants. -#}
{% macro postgres__copy_grants() -%}
    {{ return(false) }}
{%- endmacro %}
