{% snapshot s %}
    {{ config(unique_key='id',
              strategy='timestamp') }}
    select 1 as id
{% endsnapshot %}
