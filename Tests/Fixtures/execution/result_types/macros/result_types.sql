{#- Logs what run_query's rows hold for dates, timestamps, numbers and booleans: dates and timestamps the
    database types as such are datetime objects (arithmetic, comparison, strftime); text stays text. -#}
{% macro result_types() %}
    {%- if target.type == 'postgres' -%}
        {%- set sql = "select date '2024-01-31' as d, timestamp '2024-01-31 10:20:30' as t, "
                      ~ "timestamp '2024-01-31 10:20:30.25' as tf, 2.5::numeric as n, 3 as i, true as b, 'x' as s" -%}
    {%- else -%}
        {%- set sql = "select '2024-01-31' as d, '2024-01-31 10:20:30' as t, '2024-01-31 10:20:30.25' as tf, "
                      ~ "2.5 as n, 3 as i, 1 as b, 'x' as s" -%}
    {%- endif -%}
    {%- set row = run_query(sql).rows[0] -%}
    {%- set shown = [row['d'] is string, row['d'], row['t'], row['tf'], row['n'], row['i'], row['b'], row['s']] -%}
    {%- if row['d'] is not string -%}
        {%- do shown.append(row['d'] + modules.datetime.timedelta(days=1)) -%}
        {%- do shown.append(row['d'].strftime('%d/%m/%Y')) -%}
        {%- do shown.append(row['t'] > modules.datetime.datetime(2024, 1, 31, 10)) -%}
        {%- do shown.append(row['t'].strftime('%H:%M')) -%}
        {%- do shown.append(row['tf'].microsecond) -%}
        {%- do shown.append(row['t'] - modules.datetime.datetime(2024, 1, 30)) -%}
    {%- endif -%}
    {{ log('result types: ' ~ shown | join('|'), info=True) }}
{% endmacro %}
