select distinct customer_id, 'x' as tier from {{ ref('stg_orders') }}
