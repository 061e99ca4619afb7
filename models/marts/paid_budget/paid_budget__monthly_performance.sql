-- Monthly spend, conversions, CAC and ROI per ad platform.
{{ paid_performance('month') }}
