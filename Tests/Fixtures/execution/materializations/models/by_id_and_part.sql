{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key=['id', 'part']) }}
select * from {{ ref('source_rows') }}
