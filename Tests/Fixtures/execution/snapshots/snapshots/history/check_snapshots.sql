{% snapshot check_ignore %}
    {{ config(strategy='check', check_cols=['name', 'status'], hard_deletes='ignore') }}
    select * from {{ ref('items') }}
{% endsnapshot %}

{% snapshot check_invalidate %}
    {{ config(strategy='check', check_cols='all', hard_deletes='invalidate') }}
    select * from {{ ref('items') }}
{% endsnapshot %}

{% snapshot check_new_record %}
    {{ config(strategy='check', check_cols=['name', 'status'], hard_deletes='new_record') }}
    select * from {{ ref('items') }}
{% endsnapshot %}
