{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='id',
          incremental_predicates=["DBT_INTERNAL_DEST.part = 'a'"]) }}
select * from {{ ref('source_rows') }}
