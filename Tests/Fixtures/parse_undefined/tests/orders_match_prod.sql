{{ config(enabled=var('run_prod_checks', false)) }}
-- disabled by default: never compiled, so the missing package is never an error
select {{ audit_kit.star(from=ref('orders'), except=['amount']) }}
from {{ ref('orders') }}
{% for column in audit_kit.columns(ref('orders')) %} where {{ column }} is null {% endfor %}
