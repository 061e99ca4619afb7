select id, amount{% if var('break_base') %}, no_such_column{% endif %} from {{ ref('raw') }}
