select id, name, amount from {{ ref('source_rows') }}
