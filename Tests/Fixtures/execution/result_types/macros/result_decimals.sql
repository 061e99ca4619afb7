{#- Logs what run_query's rows hold for numbers: agate's Number columns (numeric, float and real values, and whole
    numbers sharing a column with them) hold Python Decimals, printed, compared and computed with as Python does;
    whole-number columns hold ints. -#}
{% macro result_decimals() %}
    {%- if target.type == 'postgres' -%}
        {%- set sql = "select 1.50::numeric as n, 3 as i, 2.5::float8 as f, 0.1::float8 as t, 1e20::float8 as big, "
                      ~ "1e-7::float8 as tiny, 10::numeric as w, -0.0050::numeric as neg, 0.1::real as r, "
                      ~ "123456789.123456789::numeric as long, 0.00000012::numeric as small, 'x' as s, null::numeric as z" -%}
        {%- set mixed = "select 1::float8 as m union all select 2.5::float8" -%}
    {%- else -%}
        {%- set sql = "select 1.50 as n, 3 as i, 2.5 as f, 0.1 as t, 1e20 as big, 1e-7 as tiny, 10.0 as w, "
                      ~ "-0.0050 as neg, 0.1 as r, 123456789.123456789 as long, 0.00000012 as small, 'x' as s, null as z" -%}
        {%- set mixed = "select 1 as m union all select 2.5" -%}
    {%- endif -%}
    {%- set table = run_query(sql) -%}
    {%- set row = table.rows[0] -%}
    {%- set shown = [] -%}
    {%- for name in table.column_names -%}
        {%- set v = row[name] -%}
        {%- do shown.append(name ~ '=' ~ v ~ ' ' ~ ([v] | string) ~ ' ' ~ [v is number, v is integer, v is float]) -%}
    {%- endfor -%}
    {%- set n = row['n'] -%}
    {%- set i = row['i'] -%}
    {%- set w = row['w'] -%}
    {%- set neg = row['neg'] -%}
    {%- do shown.append([n + 1, n - 1, 1 - n, n * 2, n * n, n + n, n - n, n * 0, n + i, i * n, neg + n, n + True]) -%}
    {%- do shown.append([n / 4, n / 7, n / 2, 1 / n, w / 4, n // 1, n % 1, neg % 1, neg // 1, 7 // n, 7 % n]) -%}
    {%- do shown.append([-n, +n, -neg, n ** 2, w ** 3, n ** 0]) -%}
    {%- do shown.append([n == 1.5, n == 1.50, n == 1, w == 10, n != 1, n > 1, n < 2.0, n >= 1.5, 1 < n, n == row['f'],
                         row['t'] == 0.1, row['f'] == 2.5, n in [1.5], w in [10], n == '1.50', n < row['f']]) -%}
    {%- do shown.append([n | int, neg | int, n | float, w | float, n | round, n | round(1), neg | round(2), w | round,
                         n | round(0, 'ceil'), n | round(0, 'floor'), n | abs, neg | abs]) -%}
    {%- do shown.append([[n, i, w] | sum, [n, i, w] | max, [n, i, w] | min, [w, n, neg] | sort, n | string, n ~ '',
                         '%s' % n, '%.3f' % n, '%d' % w, '{}'.format(n),
                         'yes' if n else 'no', 'yes' if n * 0 else 'no']) -%}
    {%- set second = run_query(mixed) -%}
    {%- do shown.append(second.columns[0].values()) -%}
    {%- set kinds = [] -%}
    {%- for kind in table.column_types -%}
        {%- do kinds.append((kind | string).split(' ')[0].split('.')[-1]) -%}
    {%- endfor -%}
    {%- do kinds.append((second.column_types[0] | string).split(' ')[0].split('.')[-1]) -%}
    {%- do shown.append(kinds) -%}
    {%- call statement('decimals', fetch_result=True) -%}
        select {{ '1.50::numeric' if target.type == 'postgres' else '1.50' }} as n, 2 as i
    {%- endcall -%}
    {%- set result = load_result('decimals') -%}
    {%- do shown.append(result['data']) -%}
    {%- do shown.append(result['table'].rows[0].values()) -%}
    {%- do shown.append(adapter.execute(sql, fetch=True)[1].columns['neg'].values()) -%}
    {{ log('result types: ' ~ shown | join('|'), info=True) }}
{% endmacro %}
