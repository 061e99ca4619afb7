select count(*) as orders, sum(amount) as amount, '{{ this }}' as this_name from {{ ref('raw_orders') }}
