{#- Appends each run's rows to a table it creates empty the first time, the way public packages'
    materializations do (insert_by_period): the table found through the context's `database` and
    `schema` with get_or_create_relation, the database's rows counted by `adapter.quote`d name, each
    row stamped with `should_revoke()`, and the count reported as `main` through noop_statement (a message
    only: dbt's adapter_response then has no `code` or `rows_affected`). -#}
{% materialization appended_batch, default %}
    {%- set found, target_relation = get_or_create_relation(database=database, schema=schema,
                                                            identifier=model.alias, type='table') -%}
    {%- set revokes = should_revoke(target_relation if found else none, full_refresh_mode=true) -%}
    {%- set stamped -%}
        select id, '{{ revokes }}' as revokes from ({{ sql }}) as batch
    {%- endset -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- if not found -%}
        {% call statement('create') -%}
            {{ create_table_as(false, target_relation, 'select * from (' ~ stamped ~ ') as empty where 1 = 0') }}
        {%- endcall %}
    {%- endif -%}
    {% call statement('appended', fetch_result=true) -%}
        insert into {{ adapter.quote(schema) }}.{{ adapter.quote(model.alias) }} (id, revokes) {{ stamped }}
    {%- endcall %}
    {%- set inserted = load_result('appended')['response']['rows_affected'] -%}
    {{ print(model.name ~ ': ' ~ inserted ~ ' row(s) appended') }}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {%- call noop_statement('main', 'INSERT ' ~ inserted) -%}
        -- appended in the statements above
    {%- endcall %}
    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
