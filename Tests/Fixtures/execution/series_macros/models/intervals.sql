{#- As integers: PostgreSQL's month difference is a float (2.0), SQLite's an integer. -#}
select
{%- for part in ['day', 'week', 'month'] %}
    cast({{ dbt.get_intervals_between(dbt.date(2024, 1, 1), dbt.date(2024, 3, 1), part) }} as {{ dbt.type_int() }}) as {{ part }}s
    {{- ',' if not loop.last }}
{%- endfor %}
