select * from {{ ref('a') }} join {{ source('raw', 'u') }} join {{ source('raw', 't') }}
