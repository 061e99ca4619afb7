-- Paid organizations credited by first touch: one row per organization whose first member to sign up came
-- through a paid channel, with how many members and how much revenue the organization brought since.
with members as (
    select
        organization_name,
        user_id,
        signed_up_at,
        revenue_usd,
        subscription_count,
        row_number() over (partition by organization_name order by signed_up_at, user_id) as signup_order
    from {{ ref('canonical_users') }}
    where organization_name is not null
),

organizations as (
    select
        organization_name,
        count(*) as member_count,
        sum({{ flag('subscription_count > 0') }}) as paying_members,
        sum(revenue_usd) as revenue_usd
    from members
    group by organization_name
)

select
    members.organization_name,
    members.user_id as first_user_id,
    attributed.converted_at,
    attributed.conversion_date,
    attributed.channel,
    attributed.platform,
    attributed.click_id_type,
    attributed.utm_campaign,
    organizations.member_count,
    organizations.paying_members,
    organizations.revenue_usd
from members
inner join organizations on members.organization_name = organizations.organization_name
inner join {{ ref('int_user__attribution_resolved') }} as attributed on members.user_id = attributed.user_id
where members.signup_order = 1
    and attributed.channel in ('Paid Search', 'Paid Social')
