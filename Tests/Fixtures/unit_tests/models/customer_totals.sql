select customer_id, sum(amount) as total, '{{ var("currency", "EUR") }}' as currency
from {{ ref('stg_orders') }}
{% if is_incremental() %}where customer_id > (select max(customer_id) from {{ this }}){% endif %}
group by customer_id
