-- depends_on: {{ ref('odd_seed') }}
{{ config(materialized='table', schema=odd_schema()) }}
select count(*) as n from {{ source('odd_source', 'odd_seed') }}
