{#- The `table` materialization: the model's query as a new table swapped in for the old relation (replace.sql). -#}

{% materialization table, default %}
    {%- set target = this.incorporate(type='table') -%}
    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}
    {{ replace_relation(target, sql) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target]}) }}
{% endmaterialization %}
