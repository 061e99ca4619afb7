select count(*) as orders, sum(amount) as amount from {{ ref('raw_orders') }}
