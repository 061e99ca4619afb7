{{ config(tags=['events'], meta={'tier': 'bronze'}) }}
select
    event_id,
    user_id,
    {{ channel_case('channel') }} as channel,
    {{ utils.safe_divide('amount', '100') }} as amount_hundreds,
    '{{ utils.prefixed(this.identifier) }}' as label,
    occurred_at
from {{ ref('events') }}
where occurred_at >= '{{ var("start_date", "2024-01-01") }}'
