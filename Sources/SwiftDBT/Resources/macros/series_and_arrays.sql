{#- The rest of the cross-database helpers dbt-adapters 1.x gives the `dbt` namespace that packages call:
    number series and date spines, date literals, plain equality, arrays. Each is dispatched, so a
    project or package overrides it as in dbt. -#}

{#- The number of binary digits that count up to `upper_bound`: the smallest n >= 1 with 2 ** n >= upper_bound. -#}
{% macro get_powers_of_two(upper_bound) -%}
    {{ return(adapter.dispatch('get_powers_of_two', 'dbt')(upper_bound)) }}
{%- endmacro %}

{% macro default__get_powers_of_two(upper_bound) -%}
    {%- if upper_bound <= 0 -%}
        {{ exceptions.raise_compiler_error("upper bound must be positive") }}
    {%- endif -%}
    {%- for digits in range(1, 100) -%}
        {%- if 2 ** digits >= upper_bound -%}{{ return(digits) }}{%- endif -%}
    {%- endfor -%}
{%- endmacro %}

{#- A query of one column, generated_number, holding 1 to upper_bound in order: every sum of powers of two
    from a cross join of one (0, 1) row pair per binary digit, so it needs neither recursion nor power(). The
    numbers are floats, as dbt's (its power() gives double precision). -#}
{% macro generate_series(upper_bound) -%}
    {{ return(adapter.dispatch('generate_series', 'dbt')(upper_bound)) }}
{%- endmacro %}

{% macro default__generate_series(upper_bound) -%}
    {%- set digits = dbt.get_powers_of_two(upper_bound) %}
    select generated_number from (
        select cast(1
        {%- for digit in range(digits) %} + digit_{{ digit }}.bit * {{ 2 ** digit }}{% endfor %} as {{ dbt.type_float() }}) as generated_number
        from
        {%- for digit in range(digits) %}
            {% if not loop.first %}cross join {% endif %}(select 0 as bit union all select 1 as bit) as digit_{{ digit }}
        {%- endfor %}
    ) as binary_numbers
    where generated_number <= {{ upper_bound }}
    order by generated_number
{%- endmacro %}

{#- How many `datepart`s lie between two date expressions, asked of the database; 1 while parsing, when nothing
    is asked. -#}
{% macro get_intervals_between(start_date, end_date, datepart) -%}
    {{ return(adapter.dispatch('get_intervals_between', 'dbt')(start_date, end_date, datepart)) }}
{%- endmacro %}

{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
    {%- call statement('get_intervals_between', fetch_result=True) -%}
        select {{ dbt.datediff(start_date, end_date, datepart) }}
    {%- endcall -%}
    {%- set counted = load_result('get_intervals_between') -%}
    {%- if counted and counted['data'] | length > 0 -%}
        {{ return(counted['data'][0][0]) }}
    {%- endif -%}
    {{ return(1) }}
{%- endmacro %}

{#- One row per `datepart` from start_date (included) to end_date (excluded), in a column date_<datepart>. -#}
{% macro date_spine(datepart, start_date, end_date) -%}
    {{ return(adapter.dispatch('date_spine', 'dbt')(datepart, start_date, end_date)) }}
{%- endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) -%}
    {%- set periods = dbt.get_intervals_between(start_date, end_date, datepart) %}
    select * from (
        select {{ dbt.dateadd(datepart, 'spine_numbers.generated_number - 1', start_date) }} as date_{{ datepart }}
        from ({{ dbt.generate_series(periods) }}) as spine_numbers
    ) as spine_periods
    where date_{{ datepart }} <= {{ end_date }}
{%- endmacro %}

{#- A date literal from its year, month and day. -#}
{% macro date(year, month, day) -%}
    {{ return(adapter.dispatch('date', 'dbt')(year, month, day)) }}
{%- endmacro %}

{% macro default__date(year, month, day) -%}
    to_date('{{ modules.datetime.date(year, month, day).strftime("%Y-%m-%d") }}', 'YYYY-MM-DD')
{%- endmacro %}

{#- Two expressions compared with `=` (dbt-adapters' behaviour flag enable_truthy_nulls_equals_macro, which
    makes nulls equal, is off by default and not read by swiftdbt). -#}
{% macro equals(expr1, expr2) -%}
    {{ return(adapter.dispatch('equals', 'dbt')(expr1, expr2)) }}
{%- endmacro %}

{% macro default__equals(expr1, expr2) -%}
    ({{ expr1 }} = {{ expr2 }})
{%- endmacro %}

{#- Arrays: PostgreSQL's; SQLite has none, so its arrays are JSON arrays (text), built with its JSON functions. -#}
{% macro array_construct(inputs=[], data_type=api.Column.translate_type('integer')) -%}
    {{ return(adapter.dispatch('array_construct', 'dbt')(inputs, data_type)) }}
{%- endmacro %}

{% macro default__array_construct(inputs, data_type) -%}
    {%- if inputs | length > 0 -%}
        array[{{ inputs | join(', ') }}]
    {%- else -%}
        array[]::{{ data_type }}[]
    {%- endif -%}
{%- endmacro %}

{% macro array_append(array, new_element) -%}
    {{ return(adapter.dispatch('array_append', 'dbt')(array, new_element)) }}
{%- endmacro %}

{% macro default__array_append(array, new_element) -%}
    array_append({{ array }}, {{ new_element }})
{%- endmacro %}

{% macro array_concat(array_1, array_2) -%}
    {{ return(adapter.dispatch('array_concat', 'dbt')(array_1, array_2)) }}
{%- endmacro %}

{% macro default__array_concat(array_1, array_2) -%}
    array_cat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

