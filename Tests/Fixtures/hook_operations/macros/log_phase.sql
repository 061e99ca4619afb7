{% macro log_phase(phase) %}insert into hook_log (phase) values ('{{ phase }}'){% endmacro %}
