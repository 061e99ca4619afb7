-- unquoted names, as a model written for a folding database reads them
select id, mixed_name, lower_name from {{ ref('folded') }}
