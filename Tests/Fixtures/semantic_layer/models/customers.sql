select 1 as customer_id, 'a' as customer_name, '2024-01-01' as first_seen_at
