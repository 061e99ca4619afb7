-- a snapshot of a model that does not exist

{% snapshot s %}
    {{ config(strategy='check', check_cols='all', unique_key='id') }}
    select * from {{ ref('nowhere') }}
{% endsnapshot %}
