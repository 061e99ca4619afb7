
{% snapshot s %}
    {{ config(strategy='check', check_cols='all') }}
    select 1 as id
{% endsnapshot %}
