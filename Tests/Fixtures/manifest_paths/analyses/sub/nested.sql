select * from {{ ref('d') }} join {{ source('raw', 'u') }}
