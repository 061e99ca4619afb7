{#- PostgreSQL's variants of the snapshot helpers (snapshot.sql), to dbt-postgres 1.9's behaviour. -#}

{#- The run's time without a time zone, as dbt-postgres writes snapshot times. -#}
{% macro postgres__snapshot_get_time() -%}
    {{ current_timestamp() }}::timestamp without time zone
{%- endmacro %}
