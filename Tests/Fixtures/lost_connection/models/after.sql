select version from {{ ref('slow') }}
