{#- The `grants` config applied to a built relation, to the behaviour of dbt's: with `should_revoke`, what the
    current role granted before and the config no longer lists is revoked first, then what is missing is granted.
    Grantees are written as the config writes them; a bare name matches the lower-cased role. -#}
{% macro apply_grants(relation, grant_config, should_revoke=True) -%}
    {{ return(adapter.dispatch('apply_grants', 'dbt')(relation, grant_config, should_revoke)) }}
{%- endmacro %}

{% macro default__apply_grants(relation, grant_config, should_revoke=True) -%}
    {%- set wanted = {} -%}
    {%- for key, grantees in (grant_config or {}).items() -%}
        {%- set names = [grantees] if grantees is string else ([] if grantees is mapping else grantees) -%}
        {%- if names -%}
            {%- do wanted.update({(key[1:] if key.startswith('+') else key) | lower: names}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set held = {} -%}
    {%- if wanted and should_revoke -%}
        {%- for row in run_query(get_show_grant_sql(relation)) -%}
            {%- do held.update({row[1] | lower: held.get(row[1] | lower, []) + [row[0]]}) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- for privilege, grantees in held | dictsort -%}
        {%- set kept = [] -%}
        {%- for name in wanted.get(privilege, []) -%}
            {%- do kept.append(name[1:-1] if name.startswith('"') and name.endswith('"') and name | length > 1 else name | lower) -%}
        {%- endfor -%}
        {%- set stale = [] -%}
        {%- for grantee in grantees | sort if grantee not in kept -%}
            {%- do stale.append(adapter.quote(grantee)) -%}
        {%- endfor -%}
        {%- if stale -%}
            {%- do run_query(get_revoke_sql(relation, privilege, stale)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for privilege, names in wanted.items() -%}
        {%- set missing = [] -%}
        {%- for name in names -%}
            {%- set role = name[1:-1] if name.startswith('"') and name.endswith('"') and name | length > 1 else name | lower -%}
            {%- if role not in held.get(privilege, []) -%}
                {%- do missing.append(name) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if missing -%}
            {%- do run_query(get_grant_sql(relation, privilege, missing)) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endmacro %}

{#- The privileges others hold on `relation`, granted by the current role: rows of (grantee, privilege). -#}
{% macro get_show_grant_sql(relation) -%}
    {{ return(adapter.dispatch('get_show_grant_sql', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_show_grant_sql(relation) -%}
select grantee, privilege_type from information_schema.role_table_grants
where grantor = current_role and grantee != current_role
    and table_schema = '{{ relation.schema | replace("'", "''") }}' and table_name = '{{ relation.identifier | replace("'", "''") }}'
{%- endmacro %}

{% macro get_grant_sql(relation, privilege, grantees) -%}
    {{ return(adapter.dispatch('get_grant_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}

{% macro default__get_grant_sql(relation, privilege, grantees) -%}
grant {{ privilege }} on {{ relation.render() }} to {{ grantees | join(', ') }}
{%- endmacro %}

{% macro get_revoke_sql(relation, privilege, grantees) -%}
    {{ return(adapter.dispatch('get_revoke_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}

{% macro default__get_revoke_sql(relation, privilege, grantees) -%}
revoke {{ privilege }} on {{ relation.render() }} from {{ grantees | join(', ') }}
{%- endmacro %}
