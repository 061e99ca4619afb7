def model(dbt, session):
    return dbt.source("raw", "events")
