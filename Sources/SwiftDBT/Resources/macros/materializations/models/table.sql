{#- The `table` materialization: the model's query as a new table swapped in for the old relation (replace.sql). -#}

{% materialization table, default %}
    {{ return(materialize_replacing('table')) }}
{% endmaterialization %}
