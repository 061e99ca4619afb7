{#- SQLite has no roles or privileges: the `grants` config is not applied. -#}
{% macro sqlite__apply_grants(relation, grant_config, should_revoke=true) -%}
{%- endmacro %}

{#- SQLite has no comments: `persist_docs` writes none. -#}
{% macro sqlite__persist_docs(relation, model, for_relation=true, for_columns=true) -%}
{%- endmacro %}
