select {{ var('fragile_column', 'id') }} as id from {{ ref('people_table') }}
