{% macro slow_hook() %}
{%- if var('slow') and target.type == 'postgres' -%}
select pg_sleep(4)
{%- elif var('slow') -%}
select count(*) from (
    with recursive counter(x) as (select 1 union all select x + 1 from counter where x < 1000000000)
    select x from counter
)
{%- endif -%}
{% endmacro %}
