{% snapshot people_history %}
{{ config(unique_key='id', strategy='check', check_cols=['name'], target_schema=target.schema,
          grants={'select': [var('reader')]} if var('reader') != 'none' else {},
          persist_docs={'relation': true, 'columns': true}) }}
select * from {{ ref('people') }}
{% endsnapshot %}
