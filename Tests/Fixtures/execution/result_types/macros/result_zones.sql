{#- Logs what run_query's rows hold for timestamps with a time zone (aware datetimes in the session's zone) and
    agate's column type names (Integer for whole numbers, Number for the rest). -#}
{% macro result_zones() %}
    {%- if target.type == 'postgres' -%}
        {%- do run_query("set time zone 'Asia/Kolkata'") -%}
        {%- set sql = "select timestamptz '2024-01-31 10:20:30+00' as z, timestamptz '2024-07-01 00:00:00.5-03' as zf, "
                      ~ "3 as i, 2.5::numeric as n, 2.5::float8 as f, true as b, 'x' as s, date '2024-01-31' as d, "
                      ~ "timestamp '2024-01-31 10:20:30' as t" -%}
    {%- else -%}
        {%- set sql = "select '2024-01-31 10:20:30+00' as z, '2024-07-01' as zf, 3 as i, 2.5 as n, 2.5 as f, "
                      ~ "1 as b, 'x' as s, '2024-01-31' as d, '2024-01-31 10:20:30' as t" -%}
    {%- endif -%}
    {%- set table = run_query(sql) -%}
    {%- set row = table.rows[0] -%}
    {%- set shown = [] -%}
    {%- for kind in table.column_types -%}
        {%- do shown.append((kind | string).split(' ')[0]) -%}
    {%- endfor -%}
    {%- if row['z'] is not string -%}
        {%- set utc = modules.pytz.utc -%}
        {%- do shown.append(row['z']) -%}
        {%- do shown.append(row['zf']) -%}
        {%- do shown.append(row['z'].tzinfo) -%}
        {%- do shown.append(row['z'].strftime('%Y-%m-%d %H:%M:%S %z')) -%}
        {%- do shown.append(row['zf'].strftime('%z')) -%}
        {%- do shown.append(row['z'].utcoffset()) -%}
        {%- do shown.append(row['z'] == utc.localize(modules.datetime.datetime(2024, 1, 31, 10, 20, 30))) -%}
        {%- do shown.append(row['z'] > utc.localize(modules.datetime.datetime(2024, 1, 31, 10))) -%}
        {%- do shown.append(row['z'].astimezone(utc)) -%}
        {%- do shown.append(row['zf'] - row['z']) -%}
        {%- do shown.append(row['z'].isoformat()) -%}
    {%- endif -%}
    {{ log('result types: ' ~ shown | join('|'), info=True) }}
{% endmacro %}
