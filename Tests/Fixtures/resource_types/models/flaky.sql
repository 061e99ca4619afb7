-- with --vars '{fail: true}' its id is null, so its not_null test fails
select {{ 'null' if var('fail', false) else '1' }} as id
