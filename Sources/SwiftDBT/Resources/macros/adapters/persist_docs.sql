{#- The `persist_docs` config (`{relation: true, columns: true}`): a built relation's description, and those of
    its YAML columns the relation has, written as comments in the transaction that puts it in place, as the
    Swift path (PersistDocs) writes them. An empty model description writes no comment; an adapter without
    comments (SQLite) writes none. -#}

{% macro persist_docs(relation, model, for_relation=true, for_columns=true) -%}
    {{ return(adapter.dispatch('persist_docs', 'dbt')(relation, model, for_relation, for_columns)) }}
{%- endmacro %}

{% macro default__persist_docs(relation, model, for_relation=true, for_columns=true) -%}
    {%- set settings = config.get('persist_docs') or {} -%}
    {%- if for_relation and settings.get('relation') == true and model.description -%}
        {%- do adapter.execute(alter_relation_comment(relation, model.description)) -%}
    {%- endif -%}
    {%- if for_columns and settings.get('columns') == true and model.columns -%}
        {%- set existing = adapter.get_columns_in_relation(relation) | map(attribute='name') | list -%}
        {%- for name, column in model.columns.items() if name in existing -%}
            {%- do adapter.execute(alter_column_comment(relation, {name: column})) -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}

{#- `comment on table|view|materialized view ... is '...'`. -#}
{% macro alter_relation_comment(relation, relation_comment) -%}
    {{ return(adapter.dispatch('alter_relation_comment', 'dbt')(relation, relation_comment)) }}
{%- endmacro %}

{% macro default__alter_relation_comment(relation, relation_comment) -%}
comment on {{ 'materialized view' if relation.is_materialized_view else 'view' if relation.is_view else 'table' }} {{ relation }} is '{{ escape_single_quotes(relation_comment) }}'
{%- endmacro %}

{#- `comment on column ... is '...'` for each of `column_dict`'s columns (name to `{description}`). -#}
{% macro alter_column_comment(relation, column_dict) -%}
    {{ return(adapter.dispatch('alter_column_comment', 'dbt')(relation, column_dict)) }}
{%- endmacro %}

{% macro default__alter_column_comment(relation, column_dict) -%}
{%- for name, column in column_dict.items() -%}
comment on column {{ relation }}.{{ adapter.quote(name) }} is '{{ escape_single_quotes(column['description'] or '') }}'{{ ";\n" if not loop.last }}
{%- endfor -%}
{%- endmacro %}
