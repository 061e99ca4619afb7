{{ config(materialized='materialized_view', persist_docs={'relation': true}) }}
select id, name from {{ ref('base') }}
