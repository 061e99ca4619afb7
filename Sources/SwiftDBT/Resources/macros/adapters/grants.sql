{#- The `grants` config (`grants: {select: ['reporter', 'bi']}`), applied to a relation once it is built, as the
    Swift path (Grants) applies it: a new relation gets what the config asks; with `should_revoke` (an
    incremental run, whose table kept its privileges) what the current role granted before and the config no
    longer lists is revoked first. Without a `grants` config nothing is touched. An adapter without
    privileges (SQLite) applies none. -#}

{% macro apply_grants(relation, grant_config, should_revoke=true) -%}
    {{ return(adapter.dispatch('apply_grants', 'dbt')(relation, grant_config, should_revoke)) }}
{%- endmacro %}

{% macro default__apply_grants(relation, grant_config, should_revoke=true) -%}
    {%- set wanted = {} -%}
    {%- for key, value in (grant_config or {}).items() -%}
        {%- set grantees = [value] if value is string else (value or []) | list -%}
        {%- if grantees -%}
            {%- do wanted.update({(key[1:] if key.startswith('+') else key) | lower: grantees}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if not wanted -%}{{ return(none) }}{%- endif -%}
    {%- set held = {} -%}
    {%- if should_revoke -%}
        {%- for row in run_query(get_show_grant_sql(relation)).rows if row | length == 2 -%}
            {%- set privilege = row[1] | lower -%}
            {%- if row[0] not in held.get(privilege, []) -%}
                {%- do held.update({privilege: held.get(privilege, []) + [row[0]]}) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- for privilege in held | sort -%}
            {%- set kept = grant_role_names(wanted.get(privilege, [])) -%}
            {%- set stale = [] -%}
            {%- for grantee in held[privilege] | sort if grantee not in kept -%}
                {%- do stale.append(adapter.quote(grantee)) -%}
            {%- endfor -%}
            {%- if stale -%}
                {%- do adapter.execute(get_revoke_sql(relation, privilege, stale)) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- for privilege, grantees in wanted.items() -%}
        {%- set present = held.get(privilege, []) -%}
        {%- set missing = [] -%}
        {%- for grantee in grantees if grant_role_names([grantee])[0] not in present -%}
            {%- do missing.append(grantee) -%}
        {%- endfor -%}
        {%- if missing -%}
            {%- do adapter.execute(get_grant_sql(relation, privilege, missing)) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endmacro %}

{#- The roles grantees name: quoted names as written, bare ones folded to lower case. -#}
{% macro grant_role_names(grantees) -%}
    {%- set names = [] -%}
    {%- for grantee in grantees -%}
        {%- do names.append(grantee[1:-1] if grantee | length > 1 and grantee.startswith('"') and grantee.endswith('"') else grantee | lower) -%}
    {%- endfor -%}
    {{ return(names) }}
{%- endmacro %}

{#- The privileges others hold on `relation`, granted by the current role: rows of (grantee, privilege). -#}
{% macro get_show_grant_sql(relation) -%}
    {{ return(adapter.dispatch('get_show_grant_sql', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_show_grant_sql(relation) -%}
select grantee, privilege_type from information_schema.role_table_grants where grantor = current_role and grantee != current_role and table_schema = '{{ escape_single_quotes(relation.schema or '') }}' and table_name = '{{ escape_single_quotes(relation.identifier) }}'
{%- endmacro %}

{#- `grant`, grantees as the config writes them (quote them there if needed). -#}
{% macro get_grant_sql(relation, privilege, grantees) -%}
    {{ return(adapter.dispatch('get_grant_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}

{% macro default__get_grant_sql(relation, privilege, grantees) -%}
grant {{ privilege }} on {{ relation }} to {{ grantees | join(', ') }}
{%- endmacro %}

{% macro get_revoke_sql(relation, privilege, grantees) -%}
    {{ return(adapter.dispatch('get_revoke_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}

{% macro default__get_revoke_sql(relation, privilege, grantees) -%}
revoke {{ privilege }} on {{ relation }} from {{ grantees | join(', ') }}
{%- endmacro %}
