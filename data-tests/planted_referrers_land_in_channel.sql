-- A planted user's first referrer visit lands in the channel its referrer domain maps to.
select p.user_id, p.referrer_channel
from {{ ref('planted_truths') }} p
where p.referrer_channel is not null
  and not exists (
      select 1
      from {{ ref('int_sessions__detected') }} s
      where s.user_id = p.user_id
        and s.referring_domain is not null
        and s.channel = p.referrer_channel
  )
