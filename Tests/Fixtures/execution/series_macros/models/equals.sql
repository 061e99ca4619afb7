select
    case when {{ dbt.equals("'a'", "'a'") }} then 1 else 0 end as same,
    case when {{ dbt.equals("'a'", "'b'") }} then 1 else 0 end as different,
    case when {{ dbt.equals('null', 'null') }} then 1 else 0 end as both_null
