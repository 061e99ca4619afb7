{#- Spark's variants of the SQL materializations build with (dispatched from swiftdbt/macros/materializations.sql). -#}

{#- A table is written in the model's `file_format` (parquet unless configured), as dbt-spark writes it; a
    temporary one is a temporary view, which Spark keeps for the session. -#}
{% macro spark__create_table_as(temporary, relation, sql) -%}
{%- if temporary -%}
create or replace temporary view {{ relation.include(schema=false) }} as
{{ sql }}
{%- else -%}
{%- set file_format = config.get('file_format', 'parquet') -%}
{%- if file_format not in ['parquet', 'delta', 'iceberg', 'hudi', 'orc', 'csv', 'json', 'text', 'avro', 'hive'] -%}
    {{ exceptions.raise_compiler_error("Invalid file format provided: " ~ file_format) }}
{%- endif -%}
create table {{ relation }}
{% if file_format != 'hive' %}using {{ file_format }}
{% endif -%}
as
{{ sql }}
{%- endif -%}
{%- endmacro %}

{#- Spark replaces a view in place. -#}
{% macro spark__create_view_as(relation, sql) -%}
create or replace view {{ relation }} as
{{ sql }}
{%- endmacro %}
