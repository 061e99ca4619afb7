select a.id from {{ ref('dim_customers', v=1) }} as a join {{ ref('dim_customers', version=3) }} as b on a.id = b.id
union all
select order_id from {{ ref('orders') }}
