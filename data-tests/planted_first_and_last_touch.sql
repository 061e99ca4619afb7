-- First and last touch of the planted users are the channels the generator planted.
select p.user_id, p.first_touch_channel, cu.first_touch_channel as found_first,
       p.last_touch_channel, lt.channel as found_last
from {{ ref('planted_truths') }} p
join {{ ref('canonical_users') }} cu on cu.user_id = p.user_id
left join {{ ref('int_attribution__last_touch') }} lt on lt.user_id = p.user_id
where cu.first_touch_channel <> p.first_touch_channel
   or coalesce(lt.channel, 'none') <> p.last_touch_channel
