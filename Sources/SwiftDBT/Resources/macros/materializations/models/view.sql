{#- The `view` materialization: the model's query as a new view swapped in for the old relation (replace.sql).
    SQLite, which cannot rename a view, has its own (the SQLite adapter's materializations.sql). -#}

{% materialization view, default %}
    {{ return(materialize_replacing('view')) }}
{% endmaterialization %}
