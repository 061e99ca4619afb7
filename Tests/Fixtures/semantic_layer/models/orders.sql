select 1 as order_id, 1 as customer_id, '2024-01-01' as ordered_at, 10.5 as amount, 1 as is_food
