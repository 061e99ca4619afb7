select count(*) as payments from {{ source('raw', 'late_payments') }}
