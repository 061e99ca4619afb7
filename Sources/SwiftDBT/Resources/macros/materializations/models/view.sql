{#- The `view` materialization: the model's query as a new view swapped in for the old relation (replace.sql).
    SQLite, which cannot rename a view, has its own (the SQLite adapter's materializations.sql). -#}

{% materialization view, default %}
    {%- set target = this.incorporate(type='view') -%}
    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}
    {{ replace_relation(target, sql) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target]}) }}
{% endmaterialization %}
