{{ config(materialized='incremental', unique_key='customer_id') }}
select customer_id, sum(amount) as total, '{{ var("currency", "EUR") }}' as currency,
       '{{ env_var("SHOP_REGION", "eu") }}' as region
from {{ ref('paid_orders') }}
{% if is_incremental() %}where customer_id > (select max(customer_id) from {{ this }}){% endif %}
group by customer_id
