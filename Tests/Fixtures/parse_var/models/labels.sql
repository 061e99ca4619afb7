select '{{ var("label", "plain") }}' as label
