@testable import SwiftDBT

/// A jaffle-shop-like project graph for selection tests.
///
///     raw_customers ─ stg_customers ─┐
///     raw_orders ──── stg_orders ────┼─ customers ─ unique_customers_customer_id, weekly_report (exposure)
///     raw_payments ── stg_payments ──┤             ╲ relationships_orders_customer_id
///     source ecom.raw_items ─ stg_items ─ orders ─ not_null_orders_order_id, audit_orders (package audit_helper)
///
/// stg_orders and stg_payments also feed orders; `assert_orders_match_staging` (singular) reads orders and
/// stg_orders; `assert_positive_payments` (singular) reads stg_payments; `source_not_null_raw_items_id` tests
/// the source.
enum JaffleShopGraph {
    static let project = "jaffle_shop"

    static let graph = ProjectGraph(nodes: seeds + [source] + models + tests + [exposure])

    /// The names a command-line selection picks.
    static func select(_ select: [String]?, exclude: [String]? = nil,
                       indirect: IndirectSelection = .eager) throws -> [String] {
        try SelectionSpec.parse(select: select, exclude: exclude)
            .evaluate(on: graph, indirect: indirect, rootProject: project).names
    }

    static let seeds = ["raw_customers", "raw_orders", "raw_payments"].map { name in
        GraphNode(uniqueID: "seed.jaffle_shop.\(name)", name: name, resourceType: .seed, packageName: project,
                  fqn: [project, name], originalFilePath: "seeds/\(name).csv",
                  config: [("materialized", .string("seed"))])
    }

    static let source = GraphNode(
        uniqueID: "source.jaffle_shop.ecom.raw_items", name: "raw_items", resourceType: .source,
        packageName: project, fqn: [project, "staging", "ecom", "raw_items"],
        originalFilePath: "models/staging/sources.yml", tags: ["ecom"], sourceName: "ecom")

    static let models = [
        model("stg_customers", folder: "staging", dependsOn: ["seed.jaffle_shop.raw_customers"]),
        model("stg_orders", folder: "staging", dependsOn: ["seed.jaffle_shop.raw_orders"]),
        model("stg_payments", folder: "staging", dependsOn: ["seed.jaffle_shop.raw_payments"]),
        model("stg_items", folder: "staging", materialized: "table", dependsOn: [source.uniqueID]),
        model("customers", folder: "marts", materialized: "table", tags: ["nightly", "finance"],
              extraConfig: [("meta", .dict([("owner", .string("ana")), ("contains_pii", .bool(true))])),
                            ("transient", .bool(true))],
              dependsOn: ["stg_customers", "stg_orders", "stg_payments"].map { "model.jaffle_shop.\($0)" }),
        model("orders", folder: "marts", materialized: "incremental", tags: ["nightly"],
              extraConfig: [("unique_key", .list([.string("order_id"), .string("customer_id")]))],
              dependsOn: ["stg_orders", "stg_payments", "stg_items"].map { "model.jaffle_shop.\($0)" }),
        GraphNode(uniqueID: "model.audit_helper.audit_orders", name: "audit_orders", resourceType: .model,
                  packageName: "audit_helper", fqn: ["audit_helper", "audit_orders"],
                  originalFilePath: "models/audit_orders.sql", config: [("materialized", .string("view"))],
                  dependsOn: ["model.jaffle_shop.orders"]),
    ]

    static let tests = [
        genericTest("unique_customers_customer_id", "unique", on: "model.jaffle_shop.customers"),
        genericTest("not_null_orders_order_id", "not_null", on: "model.jaffle_shop.orders", severity: "warn"),
        genericTest("relationships_orders_customer_id", "relationships", on: "model.jaffle_shop.orders",
                    alsoReading: ["model.jaffle_shop.customers"]),
        genericTest("source_not_null_raw_items_id", "not_null", on: source.uniqueID, folder: "staging",
                    file: "sources.yml"),
        singularTest("assert_positive_payments", dependsOn: ["model.jaffle_shop.stg_payments"]),
        singularTest("assert_orders_match_staging",
                     dependsOn: ["model.jaffle_shop.orders", "model.jaffle_shop.stg_orders"]),
    ]

    static let exposure = GraphNode(
        uniqueID: "exposure.jaffle_shop.weekly_report", name: "weekly_report", resourceType: .exposure,
        packageName: project, fqn: [project, "weekly_report"], originalFilePath: "models/exposures.yml",
        dependsOn: ["model.jaffle_shop.customers"])

    private static func model(_ name: String, folder: String, materialized: String = "view", tags: [String] = [],
                              extraConfig: [(key: String, value: ConfigValue)] = [],
                              dependsOn: [String]) -> GraphNode {
        GraphNode(uniqueID: "model.jaffle_shop.\(name)", name: name, resourceType: .model, packageName: project,
                  fqn: [project, folder, name], originalFilePath: "models/\(folder)/\(name).sql",
                  tags: tags + (folder == "staging" ? ["staging"] : []),
                  config: [("materialized", .string(materialized))] + extraConfig, dependsOn: dependsOn)
    }

    private static func genericTest(_ name: String, _ testName: String, on attached: String,
                                    alsoReading others: [String] = [], severity: String = "ERROR",
                                    folder: String = "marts", file: String = "schema.yml") -> GraphNode {
        GraphNode(uniqueID: "test.jaffle_shop.\(name).0a1b2c", name: name, resourceType: .test,
                  packageName: project, fqn: [project, folder, name],
                  originalFilePath: "models/\(folder)/\(file)", config: [("severity", .string(severity))],
                  dependsOn: [attached] + others, testKind: .generic, testName: testName, attachedNode: attached)
    }

    private static func singularTest(_ name: String, dependsOn: [String]) -> GraphNode {
        GraphNode(uniqueID: "test.jaffle_shop.\(name)", name: name, resourceType: .test, packageName: project,
                  fqn: [project, name], originalFilePath: "tests/\(name).sql",
                  config: [("severity", .string("ERROR"))], dependsOn: dependsOn, testKind: .singular)
    }
}

extension Selection {
    /// The selected nodes' names, sorted (names are unique in the jaffle-shop graph).
    var names: [String] { nodes.map(\.name).sorted() }
}
