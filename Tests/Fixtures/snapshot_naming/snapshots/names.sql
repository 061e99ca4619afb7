{% snapshot plain %}
    select * from {{ ref('source_rows') }}
{% endsnapshot %}

{% snapshot new_style %}
    {{ config(schema='snaps', alias='renamed') }}
    select * from {{ ref('source_rows') }}
{% endsnapshot %}

{% snapshot legacy %}
    {{ config(target_schema='legacy_schema') }}
    select * from {{ ref('source_rows') }}
{% endsnapshot %}

{% snapshot both %}
    {{ config(target_schema='legacy_schema', schema='snaps') }}
    select * from {{ ref('source_rows') }}
{% endsnapshot %}
