

{% snapshot s %}
    {{ config(strategy='check', check_cols='all', unique_key='id') }}
    select {{ no_such_macro() }} as id
{% endsnapshot %}
