select 1 as id from {{ source('loose', 'inherits') }}
union all select 1 from {{ source('loose', 'overrides') }}
union all select 1 from {{ source('strict', 'plain') }}
union all select 1 from {{ source('strict', 'table_only') }}
union all select 1 from {{ source('bare', 'all_bare') }}
union all select 1 from {{ source('bare', 'mixed_Case') }}
union all select 1 from {{ source('bare', 'schema_back') }}
-- this: {{ this }}
