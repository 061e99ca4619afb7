{#- SQLite's variants of the cross-database macros (dispatched from swiftdbt/macros/cross_db.sql). -#}

{% macro sqlite__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set units = {'week': ('days', 7), 'quarter': ('months', 3)} -%}
    {%- set unit, factor = units.get(datepart | lower, ((datepart | lower) ~ 's', 1)) -%}
    datetime({{ from_date_or_timestamp }}, printf('%+d {{ unit }}', ({{ interval }}) * {{ factor }}))
{%- endmacro %}

{% macro sqlite__datediff(first_date, second_date, datepart) -%}
    {%- set part = datepart | lower -%}
    {%- if part == 'year' -%}
        (cast(strftime('%Y', {{ second_date }}) as integer) - cast(strftime('%Y', {{ first_date }}) as integer))
    {%- elif part == 'quarter' -%}
        ((cast(strftime('%Y', {{ second_date }}) as integer) * 4 + (cast(strftime('%m', {{ second_date }}) as integer) - 1) / 3)
         - (cast(strftime('%Y', {{ first_date }}) as integer) * 4 + (cast(strftime('%m', {{ first_date }}) as integer) - 1) / 3))
    {%- elif part == 'month' -%}
        ((cast(strftime('%Y', {{ second_date }}) as integer) * 12 + cast(strftime('%m', {{ second_date }}) as integer))
         - (cast(strftime('%Y', {{ first_date }}) as integer) * 12 + cast(strftime('%m', {{ first_date }}) as integer)))
    {%- elif part == 'week' -%}
        cast((julianday(date({{ second_date }}, '-6 days', 'weekday 1')) - julianday(date({{ first_date }}, '-6 days', 'weekday 1'))) / 7 as integer)
    {%- elif part == 'day' -%}
        cast(julianday(date({{ second_date }})) - julianday(date({{ first_date }})) as integer)
    {%- elif part == 'hour' -%}
        ((cast(strftime('%s', strftime('%Y-%m-%d %H:00:00', {{ second_date }})) as integer)
          - cast(strftime('%s', strftime('%Y-%m-%d %H:00:00', {{ first_date }})) as integer)) / 3600)
    {%- elif part == 'minute' -%}
        ((cast(strftime('%s', strftime('%Y-%m-%d %H:%M:00', {{ second_date }})) as integer)
          - cast(strftime('%s', strftime('%Y-%m-%d %H:%M:00', {{ first_date }})) as integer)) / 60)
    {%- elif part == 'second' -%}
        (cast(strftime('%s', {{ second_date }}) as integer) - cast(strftime('%s', {{ first_date }}) as integer))
    {%- else -%}
        {{ exceptions.raise_compiler_error("unsupported datepart for datediff on sqlite: " ~ datepart) }}
    {%- endif -%}
{%- endmacro %}

{% macro sqlite__date_trunc(datepart, date) -%}
    {%- set part = datepart | lower -%}
    {%- if part == 'year' -%} datetime({{ date }}, 'start of year')
    {%- elif part == 'quarter' -%} datetime({{ date }}, 'start of month', printf('-%d months', (cast(strftime('%m', {{ date }}) as integer) - 1) % 3))
    {%- elif part == 'month' -%} datetime({{ date }}, 'start of month')
    {%- elif part == 'week' -%} datetime({{ date }}, '-6 days', 'weekday 1', 'start of day')
    {%- elif part == 'day' -%} datetime({{ date }}, 'start of day')
    {%- elif part == 'hour' -%} strftime('%Y-%m-%d %H:00:00', {{ date }})
    {%- elif part == 'minute' -%} strftime('%Y-%m-%d %H:%M:00', {{ date }})
    {%- else -%} {{ exceptions.raise_compiler_error("unsupported datepart for date_trunc on sqlite: " ~ datepart) }}
    {%- endif -%}
{%- endmacro %}

{% macro sqlite__last_day(date, datepart) -%}
    date({{ dbt.date_trunc(datepart, date) }}, '+1 {{ datepart }}', '-1 day')
{%- endmacro %}

{% macro sqlite__hash(field) -%}
    md5(cast({{ field }} as text))
{%- endmacro %}

{% macro sqlite__cast_bool_to_text(field) -%}
    case when {{ field }} is null then null when {{ field }} then 'true' else 'false' end
{%- endmacro %}

{% macro sqlite__current_timestamp() -%}datetime('now'){%- endmacro %}

{% macro sqlite__any_value(expression) -%}min({{ expression }}){%- endmacro %}

{% macro sqlite__bool_or(expression) -%}max({{ expression }}){%- endmacro %}

{% macro sqlite__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num or order_by_clause -%}
        {{ exceptions.raise_compiler_error("listagg with order_by_clause or limit_num needs SQLite 3.44; write it with a window function") }}
    {%- endif -%}
    group_concat({{ measure }}, {{ delimiter_text }})
{%- endmacro %}

{% macro sqlite__position(substring_text, string_text) -%}instr({{ string_text }}, {{ substring_text }}){%- endmacro %}

{% macro sqlite__right(string_text, length_expression) -%}substr({{ string_text }}, -({{ length_expression }})){%- endmacro %}
