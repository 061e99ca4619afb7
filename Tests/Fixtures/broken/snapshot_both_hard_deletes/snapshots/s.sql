{% snapshot s %}
    {{ config(strategy='check', check_cols=['a'], unique_key='id', invalidate_hard_deletes=true,
              hard_deletes='new_record') }}
    select 1 as id, 2 as a
{% endsnapshot %}
