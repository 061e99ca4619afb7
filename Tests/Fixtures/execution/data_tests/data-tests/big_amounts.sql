{{ config(severity='warn') }}
select * from {{ ref('people') }} where amount > 15
