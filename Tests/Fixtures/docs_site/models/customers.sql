with orders as (
    select customer_id, count(*) as order_count, sum(amount) as lifetime_value
    from {{ ref('stg_orders') }}
    group by customer_id
)
select c.customer_id, c.first_name, c.last_name, coalesce(o.order_count, 0) as order_count, o.lifetime_value
from {{ ref('stg_customers') }} as c
left join orders as o on o.customer_id = c.customer_id
