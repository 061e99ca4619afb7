select count(*) as n from (
{% for i in range(1, 7) %}select id from {{ ref('slow_' ~ i) }}{% if not loop.last %} union all {% endif %}
{% endfor %}) all_ids
