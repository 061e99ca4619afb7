select id, amount from {{ ref('base') }}
