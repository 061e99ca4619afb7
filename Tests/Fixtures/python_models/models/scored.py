import math


def model(dbt, session):
    dbt.config(materialized="table", tags=["py"])
    customers = dbt.ref("customers")
    # dbt.ref("commented_out") is not a call
    text = "dbt.ref('inside_a_string')"
    return customers
