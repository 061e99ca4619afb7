select 1 as customer_id from {{ ref('vendor_orders') }}
