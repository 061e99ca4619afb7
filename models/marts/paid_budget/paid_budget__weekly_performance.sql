-- Weekly spend, conversions, CAC and ROI per ad platform (weeks start on Monday).
{{ paid_performance('week') }}
