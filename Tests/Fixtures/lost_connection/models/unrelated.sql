select version from {{ ref('first') }}
