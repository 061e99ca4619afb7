{#- The built-in test materialization, to the behaviour of dbt's: the test's query (at most `limit` rows) judged by
    get_test_sql in the statement `main`, whose row (failures, should_warn, should_error) decides pass, warn or fail.
    With `store_failures` (or `store_failures_as: table|view`) the rows are first saved as a table or a view in the
    test's schema (`<schema>_dbt_test__audit`), replacing the last run's, and judged from there. -#}
{%- materialization test, default -%}
    {%- set limit = config.get('limit') -%}
    {%- set limited_sql = get_limit_subquery_sql(sql, limit) -%}
    {%- set stored = [] -%}
    {%- set store_as = config.get('store_failures_as') -%}
    {%- set storing = should_store_failures() if store_as is none else store_as != 'ephemeral' -%}
    {%- if storing -%}
        {%- set store_as = store_as or 'table' -%}
        {%- if store_as not in ['table', 'view'] -%}
            {{ exceptions.raise_compiler_error("'" ~ store_as ~ "' is not a valid value for `store_failures_as`. "
                                               ~ "Accepted values are: ['ephemeral', 'table', 'view']") }}
        {%- endif -%}
        {%- set target = api.Relation.create(database=model.database, schema=model.schema, identifier=model.alias, type=store_as) -%}
        {%- do adapter.create_schema(target) -%}
        {%- set existing = adapter.get_relation(database=target.database, schema=target.schema, identifier=target.identifier) -%}
        {%- if existing is not none -%}
            {%- do adapter.drop_relation(existing) -%}
        {%- endif -%}
        {%- call statement('store_failures') -%}
            {%- if store_as == 'view' -%}
                {{ get_create_view_as_sql(target, limited_sql) }}
            {%- else -%}
                {{ get_create_table_as_sql(False, target, limited_sql) }}
            {%- endif -%}
        {%- endcall -%}
        {%- do stored.append(target) -%}
        {{ adapter.commit() }}
        {%- set judged_sql = 'select * from ' ~ target.render() -%}
    {%- else -%}
        {%- set judged_sql = limited_sql -%}
    {%- endif -%}

    {%- call statement('main', fetch_result=True) -%}
        {{ get_test_sql(judged_sql, config.get('fail_calc') or 'count(*)', config.get('warn_if'), config.get('error_if'), limit=none) }}
    {%- endcall -%}

    {{ return({'relations': stored}) }}
{%- endmaterialization -%}
