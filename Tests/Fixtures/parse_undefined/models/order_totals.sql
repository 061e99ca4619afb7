-- an uninstalled package's macro: parse lets it pass, compiling this enabled model fails
select id, {{ audit_kit.cents(column='amount')['value'].label }} as amount_cents
from {{ ref('orders') }}
