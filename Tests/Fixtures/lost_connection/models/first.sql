select {{ var('version') }} as version
