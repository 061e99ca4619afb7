select * from {{ ref('base') }} where amount > {{ var('max_amount') }}
