-- this: {{ this }}
select id from {{ ref('base') }}
union all
select id from {{ source('raw', 'items') }}
