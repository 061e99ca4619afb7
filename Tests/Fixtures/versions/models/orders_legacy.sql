select 10 as order_id
