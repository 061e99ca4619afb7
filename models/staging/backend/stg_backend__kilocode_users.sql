-- Backend users: normalised email, signup time and the raw survey answer.
select
    user_id,
    {{ clean_text('email') }} as email,
    created_at as signed_up_at,
    {{ clean_text('organization_name', keep_case=true) }} as organization_name,
    {{ clean_text('customer_source', keep_case=true) }} as customer_source
from {{ ref('raw_backend_users') }}
