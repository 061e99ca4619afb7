select n, writer from {{ ref('slow_count') }}
