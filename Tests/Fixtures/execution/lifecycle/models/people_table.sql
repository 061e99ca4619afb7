select id, upper(name) as name, zip from {{ ref('people_view') }}
