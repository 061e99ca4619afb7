{{ config(materialized='ephemeral') }}
{% if var('batch') == 1 %}
select 1 as id, 'a' as part, 'one' as name, 10 as amount
union all select 2, 'a', 'two', 20
union all select 2, 'b', 'two b', 25
{% else %}
select 2 as id, 'a' as part, 'two v2' as name, 21 as amount
union all select 3, 'a', 'three', 30
{% endif %}
