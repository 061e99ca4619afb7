select id, {{ cents('amount') }} as amount_cents from {{ ref('stg_orders') }}
