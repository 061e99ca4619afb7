{#- A table that must hold at least `min_rows` rows: built beside the old one, counted, then
    swapped in. Too few rows (or any failure) leave the previous table as it was. -#}
{% materialization checked_table, default %}
    {%- set target_relation = this.incorporate(type='table') -%}
    {%- set existing = load_relation(this) -%}
    {%- set intermediate = make_intermediate_relation(target_relation) -%}
    {%- set backup = make_backup_relation(target_relation, 'table') -%}
    {{ drop_relation_if_exists(load_relation(intermediate)) }}
    {{ drop_relation_if_exists(load_relation(backup)) }}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {% call statement('main') -%}
        {{ get_create_table_as_sql(false, intermediate, sql) }}
    {%- endcall %}

    {%- set minimum = config.require('min_rows') -%}
    {%- set counted = run_query('select count(*) from ' ~ intermediate) -%}
    {%- if counted.rows[0][0] < minimum -%}
        {{ exceptions.raise_compiler_error(model.name ~ ' has ' ~ counted.rows[0][0] ~ ' rows, fewer than ' ~ minimum) }}
    {%- endif -%}

    {%- if existing is not none -%}
        {{ adapter.rename_relation(existing, backup) }}
    {%- endif -%}
    {{ adapter.rename_relation(intermediate, target_relation) }}
    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ drop_relation_if_exists(load_relation(backup)) }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
