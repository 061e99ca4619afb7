select id from {{ ref('fragile') }}
