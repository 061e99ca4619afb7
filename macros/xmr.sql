{#- XmR (individuals and moving range) process-control columns for `value` over `order_by`, optionally per
    `partition_by`: the moving range |x_i - x_(i-1)|, the mean, the mean moving range, natural process limits
    mean ± 2.66 × mean moving range, and a 0/1 out-of-limits flag. Returns a select over `source` (a CTE name)
    that adds <prefix>_moving_range, <prefix>_mean, <prefix>_mean_moving_range, <prefix>_upper_limit,
    <prefix>_lower_limit and <prefix>_out_of_limits. -#}
{% macro xmr(source, value, order_by, prefix, partition_by=none) -%}
    {%- set partition = 'partition by ' ~ partition_by if partition_by else '' -%}
select
    *,
    {{ prefix }}_mean + 2.66 * {{ prefix }}_mean_moving_range as {{ prefix }}_upper_limit,
    {{ prefix }}_mean - 2.66 * {{ prefix }}_mean_moving_range as {{ prefix }}_lower_limit,
    case
        when {{ value }} is null or {{ prefix }}_mean_moving_range is null then 0
        when {{ value }} > {{ prefix }}_mean + 2.66 * {{ prefix }}_mean_moving_range then 1
        when {{ value }} < {{ prefix }}_mean - 2.66 * {{ prefix }}_mean_moving_range then 1
        else 0
    end as {{ prefix }}_out_of_limits
from (
    select
        *,
        avg({{ value }}) over ({{ partition }}) as {{ prefix }}_mean,
        avg({{ prefix }}_moving_range) over ({{ partition }}) as {{ prefix }}_mean_moving_range
    from (
        select
            *,
            abs({{ value }} - lag({{ value }}) over ({{ partition }} order by {{ order_by }})) as {{ prefix }}_moving_range
        from {{ source }}
    ) with_moving_ranges
) with_means
{%- endmacro %}
