select id, name, joined, score
from {{ ref('people') }}
where active
