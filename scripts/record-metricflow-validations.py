#!/usr/bin/env python3
"""Records what dbt-core 1.10 reports for MetricFlow's semantic validations (dbt-semantic-interfaces' rules, run at
the end of `dbt parse`) on variants of Tests/Fixtures/semantic_layer: a property file added to a copy, as
scripts/record-semantic-layer-reference.py does. Writes Tests/Fixtures/semantic_layer/expected-validations.json:
for each variant its text, the changes it makes to the fixture's own files besides (`changes`, as
record-semantic-layer-reference.apply_changes makes them), dbt's exit code, the lines it printed besides its usual
ones and, when the parse succeeds, the manifest entries (`time_spine`, `columns`) of the models with a time spine.
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


def spine(name, columns, custom=""):
    """A model's properties with a time spine on its column `date_hour`, the given columns and custom granularities."""
    text = f"models:\n  - name: {name}\n    time_spine:\n      standard_granularity_column: date_hour\n"
    text += f"      custom_granularities:\n{custom}" if custom else ""
    return text + f"    columns:\n{columns}"


HOUR_SPINE_SQL = ["models/hour_spine.sql", "", "select '2024-01-01 00:00:00' as date_hour, 'Q1' as fiscal_quarter\n"]
DAY_SPINE_YAML = ("models:\n  - name: metricflow_time_spine\n    time_spine:\n      standard_granularity_column: date_day\n"
                  "    columns:\n      - name: date_day\n        granularity: day\n")
def validity(name, params):
    """A day time dimension with validity params."""
    return (f"      - name: {name}\n        type: time\n        type_params:\n          time_granularity: day\n"
            f"          validity_params:\n            {params}\n")


def scd2(entities="      - name: product\n        type: natural\n        expr: order_id\n", dimensions=None, measures=None):
    """A slowly changing semantic model `prices`: a natural entity and a validity window by default."""
    if dimensions is None:
        dimensions = validity("valid_from", "is_start: true") + validity("valid_to", "is_end: true")
    return model("prices", entities=entities, dimensions=dimensions, measures=measures, extra="    primary_entity: price\n")


HOUR_COLUMNS = "      - name: date_hour\n        granularity: hour\n      - name: fiscal_quarter\n"
# The fixture's metricflow_time_spine without its `time_spine:`: a legacy time spine.
LEGACY_SPINE = ["models/semantic.yml", "    time_spine:\n      standard_granularity_column: date_day\n", ""]

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
    # Time spines: a model's `time_spine:` and its columns' `granularity:` (dbt-core's YAML checks), the semantic
    # layer's need of a spine at DAY or finer, the legacy `metricflow_time_spine` model (TimeSpineRule too).
    "spine_column_not_in_model": (spine("hour_spine", "      - name: ts\n        granularity: hour\n"), [HOUR_SPINE_SQL]),
    "spine_column_without_granularity": (spine("hour_spine", "      - name: date_hour\n"), [HOUR_SPINE_SQL]),
    "spine_custom_columns_not_in_model": (spine("hour_spine", "      - name: date_hour\n        granularity: hour\n",
                                                "        - name: fiscal_quarter\n        - name: fiscal_year\n"
                                                "          column_name: fy\n"), [HOUR_SPINE_SQL]),
    "column_granularity_unknown": "models:\n  - name: orders\n    columns:\n      - name: ordered_at\n"
                                  "        granularity: fortnight\n",
    "hour_spine": (spine("hour_spine", "      - name: date_hour\n        granularity: hour\n"
                         "      - name: fiscal_quarter\n", "        - name: fiscal_quarter\n"), [HOUR_SPINE_SQL]),
    "second_day_spine": (spine("day_spine", "      - name: date_hour\n        granularity: day\n"),
                         [["models/day_spine.sql", "", HOUR_SPINE_SQL[2]]]),
    "dimension_finer_than_spine": model("refunds", dimensions="      - name: refunded_at\n        type: time\n"
                                        "        type_params:\n          time_granularity: hour\n"),
    "no_time_spine": ("", [["models/metricflow_time_spine.sql", "", None], ["models/semantic.yml", DAY_SPINE_YAML, ""]]),
    "month_time_spine": ("", [["models/semantic.yml", "        granularity: day\n", "        granularity: month\n"]]),
    "legacy_time_spine": ("", [LEGACY_SPINE]),
    "legacy_time_spine_required_yaml": ("", [LEGACY_SPINE, ["dbt_project.yml", "profile: semantic_layer\n",
                                                            "profile: semantic_layer\nflags:\n"
                                                            "  require_yaml_configuration_for_mf_time_spines: true\n"]]),
    "legacy_time_spine_and_hour_spine": (spine("hour_spine", "      - name: date_hour\n        granularity: hour\n"),
                                         [LEGACY_SPINE, HOUR_SPINE_SQL]),
    # Custom granularities (a time spine's `custom_granularities`): names, and where queries may use them.
    "custom_granularity_invalid_name": (spine("hour_spine", HOUR_COLUMNS, "        - name: Fiscal__q\n"
                                              "          column_name: fiscal_quarter\n"), [HOUR_SPINE_SQL]),
    "custom_granularity_standard_name": (spine("hour_spine", HOUR_COLUMNS, "        - name: quarter\n"
                                               "          column_name: fiscal_quarter\n"), [HOUR_SPINE_SQL]),
    "custom_granularity_element_name": (spine("hour_spine", HOUR_COLUMNS, "        - name: is_food\n"
                                              "          column_name: fiscal_quarter\n"), [HOUR_SPINE_SQL]),
    "custom_granularity_duplicate": (spine("hour_spine", HOUR_COLUMNS, "        - name: fiscal_quarter\n"
                                           "        - name: fiscal_quarter\n"), [HOUR_SPINE_SQL]),
    "custom_granularity_in_queries": (spine("hour_spine", HOUR_COLUMNS, "        - name: fiscal_quarter\n")
                                      + metric("quarterly_revenue", "simple", "      measure: order_total\n", extra=
                                               "    filter: \"{{ TimeDimension('order__ordered_at', 'fiscal_quarter') }} > '2024'\"\n")
                                      + "saved_queries:\n  - name: fiscal_revenue\n    query_params:\n"
                                      "      metrics: [revenue]\n      group_by:\n"
                                      "        - TimeDimension('order__ordered_at', 'fiscal_quarter')\n", [HOUR_SPINE_SQL]),
    "custom_granularity_grain_to_date": (spine("hour_spine", HOUR_COLUMNS, "        - name: fiscal_quarter\n")
                                         + metric("fiscal_revenue", "cumulative", "      measure: order_total\n"
                                                  "      cumulative_type_params:\n        grain_to_date: fiscal_quarter\n"),
                                         [HOUR_SPINE_SQL]),
    "custom_granularity_window": (spine("hour_spine", HOUR_COLUMNS, "        - name: fiscal_quarter\n")
                                  + metric("fiscal_revenue", "cumulative", "      measure: order_total\n"
                                           "      cumulative_type_params:\n        window: 2 fiscal_quarters\n"),
                                  [HOUR_SPINE_SQL]),
    "conversion_constant_property_unknown": metric("shop_buyers", "conversion", "      conversion_type_params:\n"
                                                   "        entity: customer\n        base_measure: customer_count\n"
                                                   "        conversion_measure: order_count\n        constant_properties:\n"
                                                   "          - base_property: shop\n            conversion_property: is_food\n"),
    # Window grains: a custom granularity only in a derived input's `offset_window`.
    "window_unknown_granularity": metric("running_revenue", "cumulative", "      measure: order_total\n"
                                         "      cumulative_type_params:\n        window: 2 fortnights\n"),
    "conversion_window_custom": (spine("hour_spine", HOUR_COLUMNS, "        - name: fiscal_quarter\n")
                                 + metric("quarter_buyers", "conversion", "      conversion_type_params:\n"
                                          "        entity: customer\n        base_measure: customer_count\n"
                                          "        conversion_measure: order_count\n        window: 2 fiscal_quarters\n"),
                                 [HOUR_SPINE_SQL]),
    "offset_window_custom": (spine("hour_spine", HOUR_COLUMNS, "        - name: fiscal_quarter\n")
                             + metric("last_quarter_revenue", "derived", "      expr: last_revenue\n      metrics:\n"
                                      "        - name: revenue\n          alias: last_revenue\n"
                                      "          offset_window: 1 fiscal_quarter\n"), [HOUR_SPINE_SQL]),
    "offset_window_unknown": metric("last_revenue", "derived", "      expr: prior_revenue\n      metrics:\n"
                                    "        - name: revenue\n          alias: prior_revenue\n"
                                    "          offset_window: 1 fortnight\n"),
    # Validity windows (SCD-2 semantic models) and natural entities.
    "scd2_valid": scd2(),
    "validity_window_single_dimension": scd2(dimensions=validity("valid_from", "is_start: true\n            is_end: true")),
    "validity_window_one_dimension": scd2(dimensions=validity("valid_from", "is_start: true")),
    "validity_window_two_starts": scd2(dimensions=validity("valid_from", "is_start: true")
                                       + validity("valid_to", "is_start: true")),
    "validity_window_primary_entity": scd2(entities="      - name: price\n        type: primary\n        expr: order_id\n"),
    "validity_window_measures": scd2(measures="      - name: price_total\n        agg: sum\n        expr: amount\n"
                                     "        agg_time_dimension: valid_from\n"),
    "natural_entity_without_window": scd2(dimensions="      - name: valid_from\n        type: time\n"
                                          "        type_params:\n          time_granularity: day\n"),
    "two_natural_entities": scd2(entities="      - name: product\n        type: natural\n        expr: order_id\n"
                                 "      - name: shop\n        type: natural\n        expr: customer_id\n"),
    # Filters and group-bys that are not valid Jinja or not a query call.
    "filter_unclosed_expression": metric("food_revenue", "simple", "      measure: order_total\n",
                                         extra="    filter: \"{{ Dimension('order__is_food') = 1\"\n"),
    "filter_bad_syntax": metric("food_revenue", "simple", "      measure: order_total\n",
                                extra="    filter: \"{{ Dimension('order__is_food') }} = 1 {% if %}\"\n"),
    "measure_filter_unclosed": metric("food_revenue", "simple", "      measure:\n        name: order_total\n"
                                      "        filter: \"{{ Dimension('order__is_food') = 1\"\n"),
    "numerator_filter_unclosed": metric("food_ratio", "ratio", "      numerator:\n        name: revenue\n"
                                        "        filter: \"{{ Dimension('order__is_food') = 1\"\n"
                                        "      denominator: revenue\n"),
    "denominator_filter_unclosed": metric("food_ratio", "ratio", "      numerator: revenue\n      denominator:\n"
                                          "        name: revenue\n        filter: \"{{ Dimension('order__is_food') = 1\"\n"),
    "input_metric_filter_unclosed": metric("food_revenue", "derived", "      expr: revenue\n      metrics:\n"
                                           "        - name: revenue\n          filter: \"{{ Dimension('order__is_food') = 1\"\n"),
    "input_metric_filter_bad_granularity": metric("recent_revenue", "derived", "      expr: revenue\n      metrics:\n"
                                                  "        - name: revenue\n          filter: \"{{ TimeDimension("
                                                  "'order__ordered_at', 'fortnight') }} > '2024'\"\n"),
    "saved_query_where_unclosed": "saved_queries:\n  - name: food_query\n    query_params:\n      metrics: [revenue]\n"
                                  "      where:\n        - \"{{ Dimension('order__is_food' }} = 1\"\n",
    "saved_query_group_by_unclosed": "saved_queries:\n  - name: day_query\n    query_params:\n      metrics: [revenue]\n"
                                     "      group_by:\n        - TimeDimension('order__ordered_at', 'day'\n",
    "saved_query_bad_group_by": "saved_queries:\n  - name: ghost_groups\n    query_params:\n      metrics: [revenue]\n"
                                "      group_by:\n        - Dimension('order__ghost')\n",
}


def without_traceback(lines):
    """A metric filter's parse error quotes MetricFlow's own Python traceback ("Traceback:" and frames of dbt's
    installed files, up to dbt's "Parsing Error"): left out, as it is about dbt's source, not the project."""
    if "Traceback:" not in lines or "Parsing Error" not in lines:
        return lines
    return lines[:lines.index("Traceback:")] + lines[lines.index("Parsing Error"):]


def record(name, variant):
    """dbt's exit code and what it printed besides its usual lines: MetricFlow's warnings (printed as they are,
    parsing going on), then its errors and dbt's "Parsing Error" / "Semantic Manifest validation failed."."""
    text, changes = variant if isinstance(variant, tuple) else (variant, [])
    code, output, manifest = reference.dbt(["parse"], text or None, changes=changes)
    result = {"text": text, "changes": changes, "code": code, "lines": without_traceback(reference.error_message(output))}
    if manifest:
        result["spines"] = {key: {"time_spine": node["time_spine"], "columns": node["columns"]}
                            for key, node in manifest["nodes"].items() if node.get("time_spine")}
    return name, result


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
