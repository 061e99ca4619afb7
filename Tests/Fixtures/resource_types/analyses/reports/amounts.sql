select amount, count(*) as orders from {{ ref('orders') }} group by amount
