{#- The `persist_docs` config applied to a built relation, to the behaviour of dbt's: the model's description as the
    relation's comment, and its YAML columns' descriptions on the columns the relation has. An empty description
    writes no relation comment. -#}
{% macro persist_docs(relation, model, for_relation=true, for_columns=true) -%}
    {{ return(adapter.dispatch('persist_docs', 'dbt')(relation, model, for_relation, for_columns)) }}
{%- endmacro %}

{% macro default__persist_docs(relation, model, for_relation, for_columns) -%}
    {%- set wanted = config.get('persist_docs') or {} -%}
    {%- if for_relation and wanted.get('relation') and model.description -%}
        {%- do run_query(alter_relation_comment(relation, model.description)) -%}
    {%- endif -%}
    {%- if for_columns and wanted.get('columns') and model.columns -%}
        {%- set present = adapter.get_columns_in_relation(relation) | map(attribute='name') | list -%}
        {%- for name, column in model.columns.items() if name in present -%}
            {%- do run_query(alter_column_comment(relation, {name: column})) -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}

{% macro alter_relation_comment(relation, relation_comment) -%}
    {{ return(adapter.dispatch('alter_relation_comment', 'dbt')(relation, relation_comment)) }}
{%- endmacro %}

{% macro default__alter_relation_comment(relation, relation_comment) -%}
comment on {{ 'view' if relation.is_view else 'table' }} {{ relation.render() }} is '{{ relation_comment | replace("'", "''") }}'
{%- endmacro %}

{#- One `comment on column` per column of `column_dict`, joined by semicolons. -#}
{% macro alter_column_comment(relation, column_dict) -%}
    {{ return(adapter.dispatch('alter_column_comment', 'dbt')(relation, column_dict)) }}
{%- endmacro %}

{% macro default__alter_column_comment(relation, column_dict) -%}
    {%- set statements = [] -%}
    {%- for name, column in column_dict.items() -%}
        {%- do statements.append('comment on column ' ~ relation.render() ~ '.' ~ adapter.quote(name) ~ " is '"
                                 ~ (column.description or '') | replace("'", "''") ~ "'") -%}
    {%- endfor -%}
    {{ return(statements | join(';\n')) }}
{%- endmacro %}
