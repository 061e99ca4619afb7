with source as (
    select * from "main"."raw_payments"
),

renamed as (
    select
        id as payment_id,
        order_id,
        payment_method,
        -- amount is stored in cents, convert it to dollars
        round(1.0 * amount / 100, 2) as amount
    from source
)

select * from renamed