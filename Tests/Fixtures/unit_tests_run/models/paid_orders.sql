{{ config(materialized='ephemeral') }}
select id, customer_id, amount from {{ ref('stg_orders') }} where status = 'paid'
