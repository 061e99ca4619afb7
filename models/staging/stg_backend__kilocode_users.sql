-- Backend users, with the free-text "how did you hear about us" answer mapped to the channel taxonomy.
select
    user_id,
    email,
    {{ as_timestamp('created_at') }} as signed_up_at,
    organization_id,
    customer_source,
    coalesce(
        (select scm.channel
         from {{ ref('survey_channel_map') }} scm
         where lower(users.customer_source) like scm.pattern
         order by scm.priority, scm.pattern
         limit 1),
        'Unknown') as survey_channel
from {{ ref('raw_backend_users') }} users
