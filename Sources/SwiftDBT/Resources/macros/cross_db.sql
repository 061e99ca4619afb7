{#- Cross-database macros real packages call as dbt.<name>(...): a default implementation,
    with sqlite__ and postgres__ variants where the SQL differs. Projects override any of them. -#}

{% macro dateadd(datepart, interval, from_date_or_timestamp) %}
    {{ return(adapter.dispatch('dateadd', 'dbt')(datepart, interval, from_date_or_timestamp)) }}
{% endmacro %}

{% macro default__dateadd(datepart, interval, from_date_or_timestamp) %}
    dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{% endmacro %}

{% macro postgres__dateadd(datepart, interval, from_date_or_timestamp) %}
    {{ from_date_or_timestamp }} + ((interval '1 {{ datepart }}') * ({{ interval }}))
{% endmacro %}

{% macro sqlite__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set units = {'week': ('days', 7), 'quarter': ('months', 3)} -%}
    {%- set unit, factor = units.get(datepart | lower, ((datepart | lower) ~ 's', 1)) -%}
    datetime({{ from_date_or_timestamp }}, printf('%+d {{ unit }}', ({{ interval }}) * {{ factor }}))
{%- endmacro %}

{% macro datediff(first_date, second_date, datepart) %}
    {{ return(adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart)) }}
{% endmacro %}

{% macro default__datediff(first_date, second_date, datepart) %}
    datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{% endmacro %}

{% macro postgres__datediff(first_date, second_date, datepart) -%}
    {%- if datepart == 'year' -%}
        (date_part('year', ({{ second_date }})::date) - date_part('year', ({{ first_date }})::date))
    {%- elif datepart == 'quarter' -%}
        ({{ datediff(first_date, second_date, 'year') }} * 4 + date_part('quarter', ({{ second_date }})::date) - date_part('quarter', ({{ first_date }})::date))
    {%- elif datepart == 'month' -%}
        ({{ datediff(first_date, second_date, 'year') }} * 12 + date_part('month', ({{ second_date }})::date) - date_part('month', ({{ first_date }})::date))
    {%- elif datepart == 'day' -%}
        (({{ second_date }})::date - ({{ first_date }})::date)
    {%- elif datepart == 'week' -%}
        ({{ datediff(first_date, second_date, 'day') }} / 7 + case
            when date_part('dow', ({{ first_date }})::timestamp) <= date_part('dow', ({{ second_date }})::timestamp) then
                case when {{ first_date }} <= {{ second_date }} then 0 else -1 end
            else
                case when {{ first_date }} <= {{ second_date }} then 1 else 0 end
        end)
    {%- elif datepart == 'hour' -%}
        ({{ datediff(first_date, second_date, 'day') }} * 24 + date_part('hour', ({{ second_date }})::timestamp) - date_part('hour', ({{ first_date }})::timestamp))
    {%- elif datepart == 'minute' -%}
        ({{ datediff(first_date, second_date, 'hour') }} * 60 + date_part('minute', ({{ second_date }})::timestamp) - date_part('minute', ({{ first_date }})::timestamp))
    {%- elif datepart == 'second' -%}
        ({{ datediff(first_date, second_date, 'minute') }} * 60 + floor(date_part('second', ({{ second_date }})::timestamp)) - floor(date_part('second', ({{ first_date }})::timestamp)))
    {%- else -%}
        {{ exceptions.raise_compiler_error("unsupported datepart for datediff on postgres: " ~ datepart) }}
    {%- endif -%}
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

{% macro date_trunc(datepart, date) %}
    {{ return(adapter.dispatch('date_trunc', 'dbt')(datepart, date)) }}
{% endmacro %}

{% macro default__date_trunc(datepart, date) %}
    date_trunc('{{ datepart }}', {{ date }})
{% endmacro %}

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

{% macro last_day(date, datepart) %}
    {{ return(adapter.dispatch('last_day', 'dbt')(date, datepart)) }}
{% endmacro %}

{% macro default__last_day(date, datepart) -%}
    cast({{ dbt.dateadd('day', '-1', dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date))) }} as date)
{%- endmacro %}

{% macro sqlite__last_day(date, datepart) -%}
    date({{ dbt.date_trunc(datepart, date) }}, '+1 {{ datepart }}', '-1 day')
{%- endmacro %}

{% macro concat(fields) -%}
    {{ return(adapter.dispatch('concat', 'dbt')(fields)) }}
{%- endmacro %}

{% macro default__concat(fields) -%}
    {{ fields | join(' || ') }}
{%- endmacro %}

{% macro hash(field) -%}
    {{ return(adapter.dispatch('hash', 'dbt')(field)) }}
{%- endmacro %}

{% macro default__hash(field) -%}
    md5(cast({{ field }} as {{ dbt.type_string() }}))
{%- endmacro %}

{% macro sqlite__hash(field) -%}
    md5(cast({{ field }} as text))
{%- endmacro %}

{% macro safe_cast(field, type) -%}
    {{ return(adapter.dispatch('safe_cast', 'dbt')(field, type)) }}
{%- endmacro %}

{% macro default__safe_cast(field, type) -%}
    cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro cast_bool_to_text(field) -%}
    {{ return(adapter.dispatch('cast_bool_to_text', 'dbt')(field)) }}
{%- endmacro %}

{% macro default__cast_bool_to_text(field) -%}
    cast({{ field }} as {{ dbt.type_string() }})
{%- endmacro %}

{% macro sqlite__cast_bool_to_text(field) -%}
    case when {{ field }} is null then null when {{ field }} then 'true' else 'false' end
{%- endmacro %}

{% macro split_part(string_text, delimiter_text, part_number) -%}
    {{ return(adapter.dispatch('split_part', 'dbt')(string_text, delimiter_text, part_number)) }}
{%- endmacro %}

{% macro default__split_part(string_text, delimiter_text, part_number) -%}
    split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}

{% macro type_string() -%}{{ return(adapter.dispatch('type_string', 'dbt')()) }}{%- endmacro %}
{% macro default__type_string() -%}{{ return(api.Column.translate_type('string')) }}{%- endmacro %}

{% macro type_int() -%}{{ return(adapter.dispatch('type_int', 'dbt')()) }}{%- endmacro %}
{% macro default__type_int() -%}integer{%- endmacro %}

{% macro type_bigint() -%}{{ return(adapter.dispatch('type_bigint', 'dbt')()) }}{%- endmacro %}
{% macro default__type_bigint() -%}bigint{%- endmacro %}

{% macro type_timestamp() -%}{{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}{%- endmacro %}
{% macro default__type_timestamp() -%}timestamp{%- endmacro %}

{% macro type_numeric() -%}{{ return(adapter.dispatch('type_numeric', 'dbt')()) }}{%- endmacro %}
{% macro default__type_numeric() -%}numeric(28,6){%- endmacro %}

{% macro type_float() -%}{{ return(adapter.dispatch('type_float', 'dbt')()) }}{%- endmacro %}
{% macro default__type_float() -%}float{%- endmacro %}

{% macro type_boolean() -%}{{ return(adapter.dispatch('type_boolean', 'dbt')()) }}{%- endmacro %}
{% macro default__type_boolean() -%}boolean{%- endmacro %}

{% macro current_timestamp() -%}{{ return(adapter.dispatch('current_timestamp', 'dbt')()) }}{%- endmacro %}
{% macro default__current_timestamp() -%}current_timestamp{%- endmacro %}
{% macro postgres__current_timestamp() -%}now(){%- endmacro %}
{% macro sqlite__current_timestamp() -%}datetime('now'){%- endmacro %}

{% macro any_value(expression) -%}{{ return(adapter.dispatch('any_value', 'dbt')(expression)) }}{%- endmacro %}
{% macro default__any_value(expression) -%}any_value({{ expression }}){%- endmacro %}
{% macro postgres__any_value(expression) -%}min({{ expression }}){%- endmacro %}
{% macro sqlite__any_value(expression) -%}min({{ expression }}){%- endmacro %}

{% macro bool_or(expression) -%}{{ return(adapter.dispatch('bool_or', 'dbt')(expression)) }}{%- endmacro %}
{% macro default__bool_or(expression) -%}bool_or({{ expression }}){%- endmacro %}
{% macro sqlite__bool_or(expression) -%}max({{ expression }}){%- endmacro %}

{% macro listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none) -%}
    {{ return(adapter.dispatch('listagg', 'dbt')(measure, delimiter_text, order_by_clause, limit_num)) }}
{%- endmacro %}

{% macro default__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
        array_to_string((array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}))[1:{{ limit_num }}], {{ delimiter_text }})
    {%- else -%}
        string_agg({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
    {%- endif -%}
{%- endmacro %}

{% macro sqlite__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num or order_by_clause -%}
        {{ exceptions.raise_compiler_error("listagg with order_by_clause or limit_num needs SQLite 3.44; write it with a window function") }}
    {%- endif -%}
    group_concat({{ measure }}, {{ delimiter_text }})
{%- endmacro %}

{% macro string_literal(value) -%}{{ return(adapter.dispatch('string_literal', 'dbt')(value)) }}{%- endmacro %}
{% macro default__string_literal(value) -%}'{{ value }}'{%- endmacro %}

{% macro escape_single_quotes(expression) -%}{{ return(adapter.dispatch('escape_single_quotes', 'dbt')(expression)) }}{%- endmacro %}
{% macro default__escape_single_quotes(expression) -%}{{ expression | replace("'", "''") }}{%- endmacro %}

{% macro replace(field, old_chars, new_chars) -%}{{ return(adapter.dispatch('replace', 'dbt')(field, old_chars, new_chars)) }}{%- endmacro %}
{% macro default__replace(field, old_chars, new_chars) -%}replace({{ field }}, {{ old_chars }}, {{ new_chars }}){%- endmacro %}

{% macro length(expression) -%}{{ return(adapter.dispatch('length', 'dbt')(expression)) }}{%- endmacro %}
{% macro default__length(expression) -%}length({{ expression }}){%- endmacro %}

{% macro position(substring_text, string_text) -%}{{ return(adapter.dispatch('position', 'dbt')(substring_text, string_text)) }}{%- endmacro %}
{% macro default__position(substring_text, string_text) -%}position({{ substring_text }} in {{ string_text }}){%- endmacro %}
{% macro sqlite__position(substring_text, string_text) -%}instr({{ string_text }}, {{ substring_text }}){%- endmacro %}

{% macro right(string_text, length_expression) -%}{{ return(adapter.dispatch('right', 'dbt')(string_text, length_expression)) }}{%- endmacro %}
{% macro default__right(string_text, length_expression) -%}right({{ string_text }}, {{ length_expression }}){%- endmacro %}
{% macro sqlite__right(string_text, length_expression) -%}substr({{ string_text }}, -({{ length_expression }})){%- endmacro %}

{% macro except() -%}{{ return(adapter.dispatch('except', 'dbt')()) }}{%- endmacro %}
{% macro default__except() -%}except{%- endmacro %}

{% macro intersect() -%}{{ return(adapter.dispatch('intersect', 'dbt')()) }}{%- endmacro %}
{% macro default__intersect() -%}intersect{%- endmacro %}

{% macro cast(field, type) -%}{{ return(adapter.dispatch('cast', 'dbt')(field, type)) }}{%- endmacro %}
{% macro default__cast(field, type) -%}cast({{ field }} as {{ type }}){%- endmacro %}
