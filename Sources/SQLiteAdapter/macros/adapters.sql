{#- SQLite's variants of the SQL materializations build with (dispatched from swiftdbt/macros/materializations.sql). -#}

{#- SQLite keeps temporary tables in a schema of their own, where the relation's name would not
    reach them: the table is an ordinary one, which the materialization drops. -#}
{% macro sqlite__create_table_as(temporary, relation, sql) -%}
create table {{ relation }} as
{{ sql }}
{%- endmacro %}
