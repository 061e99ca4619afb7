{% snapshot archived_plain %}
    select * from {{ ref('source_rows') }}
{% endsnapshot %}

{% snapshot archived_with_schema %}
    {{ config(schema='snaps') }}
    select * from {{ ref('source_rows') }}
{% endsnapshot %}
