{#- The `incremental` materialization: the first run, a `--full-refresh` (unless the model's `full_refresh`
    config is false) and a run over a view build the table as the table materialization does (replace.sql);
    otherwise the model's query is staged as `<name>__dbt_tmp`, the target's string columns widened to the staged
    ones' (unless the contract is enforced), `on_schema_change` applied, and the rows
    folded in by the `incremental_strategy`'s macro (`get_incremental_<strategy>_sql`, strategies.sql), all in
    the transaction the materialization commits, so a failure leaves the table as it was. `is_incremental()`
    decides, as it decided what the model's query selects. -#}

{% materialization incremental, default %}
    {%- set target = this.incorporate(type='table') -%}
    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}
    {%- if is_incremental() -%}
        {%- set staged = make_intermediate_relation(target) -%}
        {{ drop_relation_if_exists(load_cached_relation(staged)) }}
        {%- do adapter.execute(get_create_table_as_sql(False, staged, sql)) -%}
        {%- if not contract_enforced() -%}
            {%- do adapter.expand_target_column_types(from_relation=staged, to_relation=target) -%}
        {%- endif -%}
        {%- set on_schema_change = incremental_validate_on_schema_change(config.get('on_schema_change'), default='ignore') -%}
        {%- set column_names = process_schema_changes(on_schema_change, staged, target) -%}
        {%- set dest_columns = [] -%}
        {%- for column in adapter.get_columns_in_relation(target) if column.name in column_names -%}
            {%- do dest_columns.append(column) -%}
        {%- endfor -%}
        {%- set strategy = config.get('incremental_strategy') or 'default' -%}
        {%- set strategy_sql = adapter.get_incremental_strategy_macro(context, strategy) -%}
        {%- set arguments = {'target_relation': target, 'temp_relation': staged, 'unique_key': config.get('unique_key'),
                             'dest_columns': dest_columns, 'incremental_predicates': config.get('incremental_predicates')} -%}
        {%- call statement('main') -%}{{ strategy_sql(arguments) }}{%- endcall -%}
        {{ finish_relation(target, should_revoke=true) }}
        {{ adapter.drop_relation(staged) }}
    {%- else -%}
        {{ replace_relation(target, sql) }}
    {%- endif -%}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target]}) }}
{% endmaterialization %}
