select {{ star_except(ref('people'), except=['SCORE']) }} from {{ ref('people') }}
