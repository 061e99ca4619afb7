{#- Settings a node's config decides, falling back to the command line's flag. -#}

{#- Whether to rebuild from scratch: the node's `full_refresh` config, else --full-refresh. -#}
{% macro should_full_refresh() -%}
    {%- set configured = config.get('full_refresh') -%}
    {{ return(flags.FULL_REFRESH if configured is none else configured) }}
{%- endmacro %}

{#- Whether a test keeps its failing rows: the node's `store_failures` config, else --store-failures. -#}
{% macro should_store_failures() -%}
    {%- set configured = config.get('store_failures') -%}
    {{ return(flags.STORE_FAILURES if configured is none else configured) }}
{%- endmacro %}
