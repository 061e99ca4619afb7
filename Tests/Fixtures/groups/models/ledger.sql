select amount from {{ ref('revenue') }}
