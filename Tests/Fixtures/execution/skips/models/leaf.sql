select count(*) as n from {{ ref('downstream') }}
