select {{ dbt.string_literal('real') }} as qualified, {{ string_literal('real') }} as bare from {{ ref('stg_orders') }}
