{#- Statements that reach the database from templates, written to the behaviour of dbt's own. -#}

{#- Runs the body of `{% call statement('name', fetch_result=True) %}...{% endcall %}` and keeps
    what it returned for `load_result('name')`; does nothing while parsing. -#}
{% macro statement(name=none, fetch_result=false, auto_begin=true, language='sql') -%}
    {%- if execute -%}
        {%- set sql_text = caller() -%}
        {%- if language != 'sql' -%}
            {{ exceptions.raise_compiler_error("statement() runs SQL only, not " ~ language) }}
        {%- endif -%}
        {%- set response, result_table = adapter.execute(sql_text, auto_begin=auto_begin, fetch=fetch_result) -%}
        {%- if name is not none -%}
            {{ store_result(name, response=response, agate_table=result_table) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- The rows of `sql` as a table; none while parsing. -#}
{% macro run_query(sql) -%}
    {%- call statement('run_query_statement', fetch_result=true, auto_begin=false) -%}
        {{ sql }}
    {%- endcall -%}
    {%- set result = load_result('run_query_statement') -%}
    {{ return(result['table'] if result else none) }}
{%- endmacro %}

{#- A statement that runs nothing: keeps `message` (and `code`, `rows_affected`, `res`) as the result of
    `name`, so a materialization that built its relation another way still reports a `main` response. -#}
{% macro noop_statement(name=none, message=none, code=none, rows_affected=none, res=none) -%}
    {%- set ignored = caller() -%}
    {%- if name is not none -%}
        {{ store_raw_result(name, message=message, code=code, rows_affected=rows_affected, agate_table=res) }}
    {%- endif -%}
{%- endmacro %}
