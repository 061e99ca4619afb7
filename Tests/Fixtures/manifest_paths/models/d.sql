select * from {{ source('raw', 'u') }} join {{ ref('c') }} join {{ source('raw', 't') }} join {{ ref('a') }}
