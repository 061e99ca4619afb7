#!/usr/bin/env python3
"""Records what dbt-core 1.10 reports for MetricFlow's semantic validations (dbt-semantic-interfaces' rules, run at
the end of `dbt parse`) on variants of Tests/Fixtures/semantic_layer: a property file added to a copy, as
scripts/record-semantic-layer-reference.py does. Writes Tests/Fixtures/semantic_layer/expected-validations.json:
for each variant its text, dbt's exit code and the lines it printed besides its usual ones.
Usage: python3 scripts/record-metricflow-validations.py [DBT [VARIANT...]]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10;
VARIANTs: record only those, keeping the others' records)."""
import importlib.util
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location("semantic_reference", os.path.join(HERE, "record-semantic-layer-reference.py"))
reference = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(reference)
if len(sys.argv) > 1:
    reference.DBT = sys.argv[1]


def model(name, entities="      - name: refund\n        type: primary\n        expr: order_id\n", dimensions=None,
          measures=None, extra=""):
    """A semantic model on ref('orders') with the given YAML sections (already indented under the model)."""
    if dimensions is None:
        dimensions = "      - name: refunded_at\n        type: time\n        type_params:\n          time_granularity: day\n"
    text = f"semantic_models:\n  - name: {name}\n    model: ref('orders')\n{extra}    entities:\n{entities}"
    text += f"    dimensions:\n{dimensions}" if dimensions else ""
    text += f"    measures:\n{measures}" if measures else ""
    return text


def metric(name, kind, params, extra=""):
    return f"metrics:\n  - name: {name}\n    label: x\n    type: {kind}\n{extra}    type_params:\n{params}"


REFUND_TOTAL = "      - name: refund_total\n        agg: sum\n        expr: amount\n        agg_time_dimension: refunded_at\n"
VARIANTS = {
    # Names (UniqueAndValidNameRule).
    "invalid_semantic_model_name": model("refund_"),
    "invalid_dimension_name": model("refunds", dimensions="      - name: is__refund\n        type: categorical\n"),
    "granularity_name": model("refunds", dimensions="      - name: month\n        type: categorical\n"),
    "reserved_name": model("refunds", dimensions="      - name: metric_time\n        type: categorical\n"),
    "invalid_metric_name": metric("Revenue2", "simple", "      measure: order_total\n"),
    "element_name_reused": model("refunds", measures="      - name: refund\n        agg: sum\n        expr: amount\n"
                                 "        agg_time_dimension: refunded_at\n"),
    "duplicate_dimension_name": model("refunds", dimensions="      - name: reason\n        type: categorical\n"
                                      "      - name: reason\n        type: categorical\n        expr: refund_reason\n"),
    # Entities (PrimaryEntityRule, ElementConsistencyRule).
    "two_primary_entities": model("refunds", entities="      - name: refund\n        type: primary\n        expr: order_id\n"
                                  "      - name: payment\n        type: primary\n        expr: order_id\n"),
    "primary_type_and_primary_entity": model("refunds", extra="    primary_entity: payment\n"),
    "element_type_conflict": model("refunds", dimensions="      - name: customer\n        type: categorical\n"
                                   "        expr: customer_id\n"),
    # Dimensions and agg_time_dimension.
    "time_dimension_without_granularity": model("refunds", dimensions="      - name: refunded_at\n        type: time\n"),
    "time_granularity_conflict": model("refunds", dimensions="      - name: ordered_at\n        type: time\n"
                                       "        type_params:\n          time_granularity: month\n"),
    "dimension_type_conflict": model("refunds", dimensions="      - name: ordered_at\n        type: categorical\n"),
    "unknown_default_agg_time_dimension": model("refunds", extra="    defaults:\n      agg_time_dimension: paid_at\n"),
    "categorical_agg_time_dimension": model("refunds", dimensions="      - name: reason\n        type: categorical\n",
                                            measures="      - name: refund_total\n        agg: sum\n        expr: amount\n"
                                            "        agg_time_dimension: reason\n"),
    "no_agg_time_dimension": model("refunds", measures="      - name: refund_total\n        agg: sum\n        expr: amount\n"),
    "duplicate_dimension_pairing": model("more_orders", entities="      - name: order\n        type: primary\n"
                                         "        expr: order_id\n",
                                         dimensions="      - name: is_food\n        type: categorical\n"),
    # Measures.
    "percentile_without_percentile": model("refunds", measures="      - name: refund_p50\n        agg: percentile\n"
                                           "        expr: amount\n        agg_time_dimension: refunded_at\n"),
    "percentile_out_of_range": model("refunds", measures="      - name: refund_p50\n        agg: percentile\n"
                                     "        expr: amount\n        agg_time_dimension: refunded_at\n"
                                     "        agg_params:\n          percentile: 1.5\n"),
    "agg_params_not_percentile": model("refunds", measures="      - name: refund_total\n        agg: sum\n"
                                       "        expr: amount\n        agg_time_dimension: refunded_at\n"
                                       "        agg_params:\n          percentile: 0.5\n"),
    "count_distinct_expr": model("refunds", measures="      - name: refund_count\n        agg: count\n"
                                 "        expr: distinct order_id\n        agg_time_dimension: refunded_at\n"),
    "non_additive_unknown_dimension": model("refunds", measures="      - name: refund_total\n        agg: sum\n"
                                            "        expr: amount\n        agg_time_dimension: refunded_at\n"
                                            "        non_additive_dimension:\n          name: paid_at\n          window_choice: max\n"),
    "non_additive_categorical": model("refunds", dimensions="      - name: refunded_at\n        type: time\n"
                                      "        type_params:\n          time_granularity: day\n"
                                      "      - name: reason\n        type: categorical\n",
                                      measures="      - name: refund_total\n        agg: sum\n"
                                      "        expr: amount\n        agg_time_dimension: refunded_at\n"
                                      "        non_additive_dimension:\n          name: reason\n          window_choice: max\n"),
    # Metrics.
    "derived_input_not_in_expr": metric("double_revenue", "derived", "      expr: revenue * 2\n      metrics: [revenue, orders_count]\n"),
    "derived_without_expr": metric("double_revenue", "derived", "      metrics: [revenue]\n"),
    "derived_offset_window_and_grain": metric("revenue_growth", "derived", "      expr: revenue - last_revenue\n"
                                              "      metrics:\n        - revenue\n        - name: revenue\n"
                                              "          alias: last_revenue\n          offset_window: 1 day\n"
                                              "          offset_to_grain: month\n"),
    "derived_alias_collision": metric("revenue_twice", "derived", "      expr: revenue + orders_count\n"
                                      "      metrics:\n        - revenue\n        - name: orders_count\n"
                                      "          alias: revenue\n"),
    "cumulative_window_and_grain": metric("running_revenue", "cumulative", "      measure: order_total\n"
                                          "      cumulative_type_params:\n        window: 7 days\n        grain_to_date: month\n"),
    "bad_filter_granularity": metric("daily_revenue", "simple", "      measure: order_total\n",
                                     extra="    filter: \"{{ TimeDimension('order__ordered_at', 'fortnight') }} > '2024-01-01'\"\n"),
    "conversion_unknown_entity": metric("converted", "conversion", "      conversion_type_params:\n        entity: shop\n"
                                        "        base_measure: customer_count\n        conversion_measure: order_count\n"),
    "conversion_sum_measure": metric("converted", "conversion", "      conversion_type_params:\n        entity: customer\n"
                                     "        base_measure: customer_count\n        conversion_measure: order_total\n"),
    # Labels (MetricLabelsRule, SemanticModelLabelsRule, EntityLabelsRule).
    "duplicate_metric_label": metric("gross_revenue", "simple", "      measure: order_total\n").replace("label: x", "label: Revenue"),
    "duplicate_dimension_label": model("refunds", dimensions="      - name: refunded_at\n        type: time\n        label: When\n"
                                       "        type_params:\n          time_granularity: day\n"
                                       "      - name: paid_at\n        type: time\n        label: When\n"
                                       "        type_params:\n          time_granularity: day\n"),
    "entity_label_conflict": model("refunds", entities="      - name: refund\n        type: primary\n        expr: order_id\n"
                                   "      - name: customer\n        type: foreign\n        label: Buyer\n"
                                   "        expr: customer_id\n").replace("semantic_models:\n", "semantic_models:\n"
                                   "  - name: payments\n    model: ref('orders')\n    entities:\n      - name: payment\n"
                                   "        type: primary\n        expr: order_id\n      - name: customer\n        type: foreign\n"
                                   "        label: Client\n        expr: customer_id\n", 1),
    # Saved queries.
    "saved_query_bad_group_by": "saved_queries:\n  - name: ghost_groups\n    query_params:\n      metrics: [revenue]\n"
                                "      group_by:\n        - Dimension('order__ghost')\n",
}


def record(name, text):
    """dbt's exit code and what it printed besides its usual lines: MetricFlow's warnings (printed as they are,
    parsing going on), then its errors and dbt's "Parsing Error" / "Semantic Manifest validation failed."."""
    code, output, _ = reference.dbt(["parse"], text)
    return name, {"text": text, "code": code, "lines": reference.error_message(output)}


def main():
    # Names after DBT record those variants only, into the file as it is.
    only = sys.argv[2:]
    path = os.path.join(reference.FIXTURE, "expected-validations.json")
    results = {}
    if only and os.path.exists(path):
        with open(path) as f:
            results = {name: value for name, value in json.load(f).items() if name in VARIANTS}
    with ThreadPoolExecutor(max_workers=4) as pool:
        results.update(pool.map(lambda item: record(*item), [(name, VARIANTS[name]) for name in only or VARIANTS]))
    results = {name: results[name] for name in VARIANTS if name in results}
    with open(path, "w") as f:
        json.dump(results, f, indent=1)
        f.write("\n")
    for name, result in results.items():
        print(name, result["code"], result["lines"])


if __name__ == "__main__":
    main()
