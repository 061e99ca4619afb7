{#- Small portable helpers; where SQLite and PostgreSQL differ, a sqlite__/postgres__ variant is dispatched. -#}

{#- The calendar date of a timestamp. -#}
{% macro to_date(timestamp) -%}{{ return(adapter.dispatch('to_date')(timestamp)) }}{%- endmacro %}
{% macro default__to_date(timestamp) -%}cast({{ timestamp }} as date){%- endmacro %}
{% macro sqlite__to_date(timestamp) -%}date({{ timestamp }}){%- endmacro %}

{#- Fractional days from `start` to `finish`: whole seconds (dbt.datediff) over 86400, so every database divides
    the same integer. (Subtracting julianday() values on SQLite carries its rounding into the 6th decimal.) The
    seconds are a double first: Spark would divide a bigint by 86400.0 as decimals, to 7 places. -#}
{% macro days_between(start, finish) -%}
    (cast({{ dbt.datediff(start, finish, 'second') }} as {{ double_type() }}) / 86400.0)
{%- endmacro %}

{#- A double-precision type: dbt.type_float() is one on SQLite and PostgreSQL, but Spark's `float` (what
    dbt-spark's type_float gives) is single precision. -#}
{% macro double_type() -%}{{ return(adapter.dispatch('double_type')()) }}{%- endmacro %}
{% macro default__double_type() -%}{{ dbt.type_float() }}{%- endmacro %}
{% macro spark__double_type() -%}double{%- endmacro %}

{#- True when the regular expression `pattern` matches somewhere in `text` (both SQL expressions). Keep patterns to
    the syntax every database shares: literals, |, (), ?, *, +, [], ^ and $. -#}
{% macro regexp_matches(text, pattern) -%}{{ return(adapter.dispatch('regexp_matches')(text, pattern)) }}{%- endmacro %}
{% macro default__regexp_matches(text, pattern) -%}regexp_like({{ text }}, {{ pattern }}){%- endmacro %}
{% macro postgres__regexp_matches(text, pattern) -%}({{ text }} ~ {{ pattern }}){%- endmacro %}
{% macro sqlite__regexp_matches(text, pattern) -%}({{ text }} regexp {{ pattern }}){%- endmacro %}

{#- The largest / smallest of several expressions (NULLs aside on PostgreSQL; use non-null inputs). -#}
{% macro greatest_of(expressions) -%}{{ return(adapter.dispatch('greatest_of')(expressions)) }}{%- endmacro %}
{% macro default__greatest_of(expressions) -%}greatest({{ expressions | join(', ') }}){%- endmacro %}
{% macro sqlite__greatest_of(expressions) -%}max({{ expressions | join(', ') }}){%- endmacro %}
{% macro least_of(expressions) -%}{{ return(adapter.dispatch('least_of')(expressions)) }}{%- endmacro %}
{% macro default__least_of(expressions) -%}least({{ expressions | join(', ') }}){%- endmacro %}
{% macro sqlite__least_of(expressions) -%}min({{ expressions | join(', ') }}){%- endmacro %}

{#- 2^(-age/half_life) as exp(-ln 2 * age / half_life); SQLite needs its math functions (on since 3.35). -#}
{% macro decay_weight(age_days, half_life_days) -%}
    exp(-0.6931471805599453 * ({{ age_days }}) / {{ half_life_days }})
{%- endmacro %}

{#- numerator / denominator as a float, NULL when the denominator is 0 or NULL. -#}
{% macro safe_divide(numerator, denominator) -%}
    case when {{ denominator }} is null or {{ denominator }} = 0 then null
         else cast({{ numerator }} as {{ double_type() }}) / {{ denominator }} end
{%- endmacro %}

{#- A deterministic text key: the fields joined with '|', NULL written as '~'. No hash: SQLite has no md5. -#}
{% macro surrogate_key(fields) -%}
    {%- set parts = [] -%}
    {%- for field in fields -%}
        {%- do parts.append("coalesce(cast(" ~ field ~ " as " ~ dbt.type_string() ~ "), '~')") -%}
        {%- if not loop.last -%}{%- do parts.append("'|'") -%}{%- endif -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}

{#- A 0/1 flag from a condition, the same type on every database. -#}
{% macro flag(condition) -%}case when {{ condition }} then 1 else 0 end{%- endmacro %}
