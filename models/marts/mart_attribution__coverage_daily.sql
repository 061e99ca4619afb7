-- Daily attribution health: conversions with a behavioural signal, the direct-only rate,
-- click-ID capture per paid platform, and how identities were resolved.
with conversions as (
    select
        {{ as_date('c.converted_at') }} as conversion_date,
        c.user_id,
        max(case when h.platform is not null and h.channel in ('Paid Search', 'Paid Social') then 1 else 0 end) as has_click_or_utm,
        max(case when h.channel <> 'Direct' then 1 else 0 end) as has_non_direct_touch
    from {{ ref('int_conversion_events__posthog') }} c
    left join {{ ref('int_user_id__attribution_history') }} h
        on h.user_id = c.user_id and h.posthog_created_at <= c.converted_at
    group by 1, 2
),

paid_sessions as (
    select
        {{ as_date('started_at') }} as session_date,
        platform,
        count(*) as paid_sessions,
        sum(case when coalesce(gclid, msclkid, fbclid, rdt_cid, li_fat_id) is not null then 1 else 0 end) as with_click_id
    from {{ ref('int_sessions__detected') }}
    where lower(utm_medium) in ('cpc', 'paid_social')
    group by 1, 2
),

tiers as (
    select
        {{ as_date('s.started_at') }} as session_date,
        sum(case when r.tier = 'strong_id' then 1 else 0 end) as strong_id_sessions,
        sum(case when r.tier = 'person_merge' then 1 else 0 end) as person_merge_sessions,
        sum(case when r.tier = 'device_graph' then 1 else 0 end) as device_graph_sessions,
        sum(case when r.tier = 'unresolved' then 1 else 0 end) as unresolved_sessions
    from {{ ref('int_sessions__detected') }} s
    join {{ ref('int_identity__resolution') }} r on r.distinct_id = s.distinct_id
    group by 1
),

days as (
    select conversion_date as day from conversions
    union
    select session_date from paid_sessions
)

select
    d.day,
    coalesce((select count(*) from conversions c where c.conversion_date = d.day), 0) as total_conversions,
    coalesce((select avg(1.0 * c.has_click_or_utm) from conversions c where c.conversion_date = d.day), 0) as paid_signal_share,
    coalesce((select avg(1.0 - c.has_non_direct_touch) from conversions c where c.conversion_date = d.day), 0) as direct_only_rate,
    {% for platform in ['google', 'microsoft', 'meta', 'reddit', 'linkedin'] -%}
    (select 1.0 * sum(p.with_click_id) / sum(p.paid_sessions) from paid_sessions p
     where p.session_date = d.day and p.platform = '{{ platform }}') as {{ platform }}_click_id_capture_rate,
    {% endfor -%}
    coalesce(t.strong_id_sessions, 0) as strong_id_sessions,
    coalesce(t.person_merge_sessions, 0) as person_merge_sessions,
    coalesce(t.device_graph_sessions, 0) as device_graph_sessions,
    coalesce(t.unresolved_sessions, 0) as unresolved_sessions
from days d
left join tiers t on t.session_date = d.day
