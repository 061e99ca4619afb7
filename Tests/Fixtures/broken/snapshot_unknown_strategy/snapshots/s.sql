{% snapshot s %}
    {{ config(strategy='nope', unique_key='id') }}
    select 1 as id
{% endsnapshot %}
