{#- Spark's variants of the SQL materializations build with (dispatched from swiftdbt/macros/materializations.sql). -#}

{#- A table is written with the model's storage configs (`spark_create_table`, macros/materializations.sql); a
    temporary one is a temporary view, which Spark keeps for the session. -#}
{% macro spark__create_table_as(temporary, relation, sql) -%}
{%- if temporary -%}
create or replace temporary view {{ relation.include(schema=false) }} as
{{ sql }}
{%- else -%}
{{ spark_create_table(relation, sql) }}
{%- endif -%}
{%- endmacro %}

{#- Spark replaces a view in place. With `persist_docs`, the view's comment and (`columns`) its column list, each
    column the model's YAML describes with its description as comment, as dbt-spark writes them. -#}
{% macro spark__create_view_as(relation, sql) -%}
create or replace view {{ relation }}
{%- if (config.get('persist_docs') or {}).get('columns') %} ({{ spark_view_column_comments(sql) }}){% endif %}
{{- spark_comment_clause() }} as
{{ sql }}
{%- endmacro %}

{#- The query's columns, quoted, each followed by ` comment '<description>'` when the model's YAML describes it. -#}
{% macro spark_view_column_comments(sql) -%}
    {%- set described = model.columns or {} -%}
    {%- set columns = [] -%}
    {%- for column in adapter.get_column_schema_from_query(get_empty_subquery_sql(sql)) -%}
        {%- set description = (described.get(column.name) or {}).get('description') -%}
        {%- do columns.append(adapter.quote(column.name) ~ (" comment '" ~ escape_single_quotes(description) ~ "'" if description else '')) -%}
    {%- endfor -%}
    {{ return(columns | join(', ')) }}
{%- endmacro %}

{#- On this server's formats Spark cannot drop a column: refused with dbt-spark's message before anything changes;
    new columns are added in one `alter table ... add columns`. -#}
{% macro spark__alter_relation_add_remove_columns(relation, add_columns, remove_columns) -%}
    {%- if remove_columns -%}
        {%- set platform = {'delta': 'Delta Lake', 'iceberg': 'Iceberg'}.get(config.get('file_format'), 'Apache Spark') -%}
        {{ exceptions.raise_compiler_error(platform ~ ' does not support dropping columns from tables') }}
    {%- endif -%}
    {%- if add_columns -%}
        {%- set added = [] -%}
        {%- for column in add_columns -%}{%- do added.append(adapter.quote(column.name) ~ ' ' ~ column.data_type) -%}{%- endfor -%}
        {%- do run_query('alter table ' ~ relation ~ ' add columns (' ~ added | join(', ') ~ ')') -%}
    {%- endif -%}
{%- endmacro %}

{#- `sync_all_columns` changes no column's type on Spark (its tables cannot drop the column a type change goes
    through). -#}
{% macro spark__diff_column_data_types(source_columns, target_columns) -%}
    {{ return([]) }}
{%- endmacro %}

{#- Grants as dbt-spark writes them: grantees quoted, `show grants on` for what a relation has; a replaced view keeps
    no grants. Open-source Spark refuses both statements (no Unity Catalog), as it does under dbt-spark. -#}
{% macro spark__get_show_grant_sql(relation) -%}
show grants on {{ relation }}
{%- endmacro %}

{% macro spark__get_grant_sql(relation, privilege, grantees) -%}
    {%- set quoted = [] -%}
    {%- for grantee in grantees -%}{%- do quoted.append(adapter.quote(grantee)) -%}{%- endfor -%}
grant {{ privilege }} on {{ relation }} to {{ quoted | join(', ') }}
{%- endmacro %}

{% macro spark__copy_grants() -%}
    {{ return(config.get('materialized') != 'view') }}
{%- endmacro %}
