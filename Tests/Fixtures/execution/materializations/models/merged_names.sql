{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id', merge_update_columns=['name']) }}
select * from {{ ref('source_rows') }}
