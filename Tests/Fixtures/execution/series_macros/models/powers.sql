select
{%- for bound in [1, 2, 3, 4, 5, 1000, 1024, 1025] %}
    {{ dbt.get_powers_of_two(bound) }} as bits_{{ bound }}{{ ',' if not loop.last }}
{%- endfor %}
