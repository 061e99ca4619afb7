select * from {{ ref('scored') }}
