{#- Whether applying a relation's `grants` config should also revoke the grants it has that the config
    does not list: never for a relation that did not exist; for one being replaced, when the database
    carries grants over to the replacement (`copy_grants()`); for one added to in place, always. -#}
{% macro should_revoke(existing_relation, full_refresh_mode=true) -%}
    {%- if not existing_relation -%}
        {{ return(false) }}
    {%- elif full_refresh_mode -%}
        {{ return(copy_grants()) }}
    {%- endif -%}
    {{ return(true) }}
{%- endmacro %}

{#- Whether a replaced relation keeps the grants of the one it replaces (PostgreSQL's do not). -#}
{% macro copy_grants() -%}
    {{ return(adapter.dispatch('copy_grants', 'dbt')()) }}
{%- endmacro %}

{% macro default__copy_grants() -%}
    {{ return(true) }}
{%- endmacro %}
