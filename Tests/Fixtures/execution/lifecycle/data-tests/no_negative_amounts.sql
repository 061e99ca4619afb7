select * from {{ ref('events_incremental') }} where amount < 0
