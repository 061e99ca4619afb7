{#- Spark SQL's variants of the cross-database macros (dispatched from swiftdbt/macros/cross_db.sql), for Spark 4.
    The others (date_trunc, last_day, hash, cast_bool_to_text, any_value, bool_or, current_timestamp, position,
    right, replace, length) are Spark SQL as the defaults write them. -#}

{#- Spark adds any unit to a date or timestamp with `timestampadd`; the result is a timestamp. -#}
{% macro spark__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- if datepart | lower not in ['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond', 'microsecond'] -%}
        {{ exceptions.raise_compiler_error("unsupported datepart for dateadd on spark: " ~ datepart) }}
    {%- endif -%}
    timestampadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{#- The number of `datepart` boundaries crossed from `first_date` to `second_date` (dbt's meaning, as on
    PostgreSQL): Spark's own `timestampdiff` counts whole units elapsed instead. Weeks start on Sunday. -#}
{% macro spark__datediff(first_date, second_date, datepart) -%}
    {%- set part = datepart | lower -%}
    {%- if part == 'year' -%}
        (year({{ second_date }}) - year({{ first_date }}))
    {%- elif part == 'quarter' -%}
        ({{ spark__datediff(first_date, second_date, 'year') }} * 4 + quarter({{ second_date }}) - quarter({{ first_date }}))
    {%- elif part == 'month' -%}
        ({{ spark__datediff(first_date, second_date, 'year') }} * 12 + month({{ second_date }}) - month({{ first_date }}))
    {%- elif part == 'day' -%}
        datediff(cast({{ second_date }} as date), cast({{ first_date }} as date))
    {%- elif part == 'week' -%}
        (datediff(date_sub(cast({{ second_date }} as date), dayofweek({{ second_date }}) - 1),
                  date_sub(cast({{ first_date }} as date), dayofweek({{ first_date }}) - 1)) div 7)
    {%- elif part == 'hour' -%}
        ({{ spark__datediff(first_date, second_date, 'day') }} * 24 + hour({{ second_date }}) - hour({{ first_date }}))
    {%- elif part == 'minute' -%}
        ({{ spark__datediff(first_date, second_date, 'hour') }} * 60 + minute({{ second_date }}) - minute({{ first_date }}))
    {%- elif part == 'second' -%}
        ({{ spark__datediff(first_date, second_date, 'minute') }} * 60 + second({{ second_date }}) - second({{ first_date }}))
    {%- else -%}
        {{ exceptions.raise_compiler_error("unsupported datepart for datediff on spark: " ~ datepart) }}
    {%- endif -%}
{%- endmacro %}

{% macro spark__concat(fields) -%}
    concat({{ fields | join(', ') }})
{%- endmacro %}

{#- Spark 4 runs in ANSI mode: `cast` fails on a bad value where `try_cast` gives NULL, which is what
    safe_cast promises. -#}
{% macro spark__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}

{#- Spark has PostgreSQL's `split_part` (negative parts count from the end; a part past the end is ''). -#}
{% macro spark__split_part(string_text, delimiter_text, part_number) -%}
    split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}

{#- Spark's `string` is its text type (dbt-spark's columns translate `string` to itself). -#}
{% macro spark__type_string() -%}string{%- endmacro %}

{% macro spark__current_timestamp() -%}current_timestamp(){%- endmacro %}

{#- `listagg ... within group (order by ...)`; with a limit, the first values collected, unordered. -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
        {%- if order_by_clause -%}
            {{ exceptions.warn("listagg on spark ignores order_by_clause when limit_num is given") }}
        {%- endif -%}
        array_join(slice(collect_list({{ measure }}), 1, {{ limit_num }}), {{ delimiter_text }})
    {%- else -%}
        listagg({{ measure }}, {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
    {%- endif -%}
{%- endmacro %}

{#- Spark string literals escape with a backslash: quotes and backslashes are escaped by one. -#}
{% macro spark__escape_single_quotes(expression) -%}
    {{ expression | replace("\\", "\\\\") | replace("'", "\\'") }}
{%- endmacro %}
