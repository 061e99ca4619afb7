select {{ not_a_macro('x') }} as id
