{{ config(severity='warn', warn_if='>= 1') }}
select * from {{ ref('typed') }} where price < 20
