{{ config(
    pre_hook=[before_begin("insert into audit values ('before-begin', '{{ this.identifier }}')"),
              "insert into audit values ('pre-hook', '{{ this.identifier }}')"],
    post_hook=[after_commit("insert into audit values ('after-commit', '{{ this.identifier }}')"),
               "insert into audit values ('post-hook', (select count(*) from {{ this }}))"]
) }}
select 1 as id union all select 2
