select
{%- for city in distinct_values(ref('people'), 'city') %}
    sum(case when city = '{{ city }}' then 1 else 0 end) as {{ adapter.quote('n_' ~ city | lower) }}{% if not loop.last %},{% endif %}
{%- endfor %}
from {{ ref('people') }}
