select * from {{ ref('vendor_customers') }}
