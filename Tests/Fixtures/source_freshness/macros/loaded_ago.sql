{#- A timestamp `amount` `unit`s (minute, hour, day) before now, in the database's own type: text on SQLite,
    `timestamp with time zone` on PostgreSQL. -#}
{% macro loaded_ago(amount, unit) -%}
    {{ return(adapter.dispatch('loaded_ago')(amount, unit)) }}
{%- endmacro %}

{% macro sqlite__loaded_ago(amount, unit) -%}
    datetime('now', '-{{ amount }} {{ unit }}s')
{%- endmacro %}

{% macro default__loaded_ago(amount, unit) -%}
    (now() - interval '{{ amount }} {{ unit }}s')
{%- endmacro %}

{#- The same instant as a wall clock in UTC without a time zone: `timestamp` on PostgreSQL, text on SQLite. -#}
{% macro loaded_ago_utc_clock(amount, unit) -%}
    {{ return(adapter.dispatch('loaded_ago_utc_clock')(amount, unit)) }}
{%- endmacro %}

{% macro sqlite__loaded_ago_utc_clock(amount, unit) -%}
    {{ sqlite__loaded_ago(amount, unit) }}
{%- endmacro %}

{% macro default__loaded_ago_utc_clock(amount, unit) -%}
    ({{ default__loaded_ago(amount, unit) }} at time zone 'UTC')
{%- endmacro %}
