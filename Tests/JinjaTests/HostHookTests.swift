import Foundation
import XCTest
@testable import Jinja

/// The hooks swiftdbt's core uses: globals with keyword arguments, `return()`, host objects,
/// macros shared across templates through namespaces, and dbt's block tags.
final class HostHookTests: XCTestCase {
    let environment = Environment()

    func testHostFunctionsReceivePositionalAndKeywordArguments() throws {
        let context: [String: Value] = [
            "describe": .function("describe") { arguments, _ in
                let keywords = arguments.keyword.map { "\($0.name)=\($0.value.repr)" }
                return .string((arguments.positional.map(\.repr) + keywords).joined(separator: ","))
            },
        ]
        let output = try environment.render("{{ describe(1, 'a', tags=['x'], enabled=true) }}", context)
        XCTAssertEqual(output, "1,'a',tags=['x'],enabled=True")
    }

    func testReturnHandsBackAValueFromAMacro() throws {
        let context: [String: Value] = ["return": .function("return") { arguments, _ in
            throw ReturnSignal(arguments.positional.first ?? .none)
        }]
        let template = """
        {% macro cols() %}ignored text{{ return(['a', 'b']) }}more{% endmacro %}\
        {% for c in cols() %}{{ c }};{% endfor %}{{ cols() | length }}
        """
        XCTAssertEqual(try environment.render(template, context), "a;b;2")
    }

    func testReturnOutsideAMacroFailsWithTheValueAsMessage() throws {
        // dbt-core 1.10 reports `{{ return(1) }}` in a model as a compilation error whose
        // message is the returned value (`Compilation Error in model m (models/m.sql)\n  1`).
        let context: [String: Value] = ["return": .function("return") { arguments, _ in
            throw ReturnSignal(arguments.positional.first ?? .none)
        }]
        for (template, message) in [("{{ return(1) }}", "1"), ("a\n  {% do return(['x', 2]) %}", "['x', 2]")] {
            let error = renderError(template, context, name: "models/m.sql")
            XCTAssertEqual(error?.kind, .raised)
            XCTAssertEqual(error?.message, message)
            XCTAssertEqual(error?.templateName, "models/m.sql")
            XCTAssertNotNil(error?.location)
        }
        XCTAssertEqual(renderError("x\n{{ return(1) }}", context)?.description, "t.sql:2:4: 1\n  {{ return(1) }}\n     ^")
    }

    func testHostObjectsExposeAttributesMethodsAndCalls() throws {
        let relation = FakeRelation(schema: "main", identifier: "orders")
        let output = try environment.render(
            "{{ r }}|{{ r.identifier }}|{{ r.include(schema=false) }}|{{ r('x') }}|{{ r.missing is undefined }}",
            ["r": .object(relation)])
        XCTAssertEqual(output, "\"main\".\"orders\"|orders|\"orders\"|called with x|True")
    }

    func testHostObjectsWithAValueKeyAreEqualHashableAndMappings() throws {
        let context: [String: Value] = [
            "a": .object(KeyedRelation(name: "orders")), "b": .object(KeyedRelation(name: "orders")),
            "c": .object(KeyedRelation(name: "items")), "plain": .object(FakeRelation(schema: "main", identifier: "x")),
        ]
        let template = """
        {{ a == b }} {{ a == c }} {{ a != b }} {{ a in [b] }} {% set d = {a: 1} %}{% do d.update({b: 2, c: 3}) %}{{ d | length }} \
        {{ d[b] }} {{ a is mapping }} {{ plain is mapping }} {{ plain == plain }}
        """
        XCTAssertEqual(try environment.render(template, context), "True False False True 2 2 True False True")
        // As Jinja2's getattr: an attribute the object lacks is looked up as an item.
        XCTAssertEqual(try environment.render("{{ a.orders }}|{{ a.other is undefined }}", context), "item orders|True")
        XCTAssertThrowsError(try environment.render("{% set d = {plain: 1} %}", context)) { error in
            XCTAssertEqual((error as? TemplateError)?.message, "unhashable type: 'Relation'")
        }
    }

    func testMacrosFromAnotherTemplateSeeTheCallersGlobals() throws {
        let macros = try environment.parse(
            "{% macro quoted_this() %}'{{ this }}'{% endmacro %}{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}",
            name: "macros/util.sql")
        let namespace = MacroNamespace(macros.macros)
        let context: [String: Value] = ["this": .string("main.m"), "util": .object(namespace)]
        XCTAssertEqual(try environment.render("{{ util.quoted_this() }} {{ util.twice('a') }}", context), "'main.m' aa")
        let direct = try XCTUnwrap(macros.macro(named: "twice"))
        XCTAssertEqual(try environment.call(direct, Arguments([.string("z")])).str, "zz")
    }

    /// `adapter=['a', 'b']` names several adapters (dbt-core 1.10 refuses a list); an option dbt does not know is an error.
    func testMaterializationAdapterListsAndUnknownOptions() throws {
        let template = try environment.parse("{% materialization twin, adapter=['sqlite', 'postgres'] %}x{% endmaterialization %}"
                                             + "{% materialization solo, default, supported_languages=['sql'] %}y{% endmaterialization %}",
                                             name: "macros/m.sql")
        XCTAssertEqual(template.blocks.map(\.adapters), [["sqlite", "postgres"], []])
        XCTAssertEqual(template.blocks.map(\.macro.name), ["materialization_twin_sqlite", "materialization_solo_default"])
        for (text, message) in [
            ("{% materialization m, adaptor='sqlite' %}{% endmaterialization %}", "materialization 'm' got an unexpected argument 'adaptor'"),
            ("{% materialization m, adapter=[1] %}{% endmaterialization %}", "materialization 'm': adapter=[...] must list adapter names as strings"),
            ("{% materialization m, adapter=x %}{% endmaterialization %}", "materialization 'm': adapter= must be an adapter name or a list of them"),
        ] {
            XCTAssertThrowsError(try environment.parse(text, name: "macros/m.sql"), text) { error in
                let error = error as? TemplateError
                XCTAssertEqual(error?.kind, .syntax)
                XCTAssertEqual(error?.message, message)
                XCTAssertEqual(error?.location?.column, 23)
            }
        }
    }

    func testDbtBlocksAreHandedToTheHost() throws {
        let template = try environment.parse(try fixture("blocks.sql"), name: "macros/blocks.sql")
        let blocks = template.blocks.map { "\($0.kind.rawValue):\($0.name):\($0.adapters.first ?? "-"):\($0.macro.name)" }
        XCTAssertEqual(blocks, [
            "test:positive_values:-:test_positive_values",
            "materialization:view_plus:sqlite:materialization_view_plus_sqlite",
            "materialization:table_plus:-:materialization_table_plus_default",
            "docs:orders:-:orders",
            "snapshot:orders_snapshot:-:orders_snapshot",
        ])
        XCTAssertEqual(template.macros.map(\.name), ["helper"])
        XCTAssertEqual(template.blocks[3].rawBody, "\nOrders placed by **customers**.\n")
        let test = template.blocks[0].macro
        XCTAssertEqual(test.parameterNames, ["model", "column_name"])
        let sql = try environment.call(test, Arguments([.string("orders"), .string("amount")]))
        XCTAssertEqual(sql.str, "\n    select * from orders where amount <= 0\n")
        XCTAssertEqual(try environment.render(template, [:]).trimmingCharacters(in: .whitespacesAndNewlines), "")
    }

    func testTemplatesRenderConcurrently() throws {
        let template = try environment.parse("{% for i in range(n) %}{{ i }}{% endfor %}")
        let results = UnsafeResults(count: 8)
        let environment = self.environment
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            results.set(i, (try? environment.render(template, ["n": .int(i)])) ?? "error")
        }
        XCTAssertEqual(results.values, (0..<8).map { n in (0..<n).map(String.init).joined() })
    }

    /// Host objects take part in `+ - * / //`, `==` and ordering when they say how (a Python class's dunder
    /// methods); otherwise Python's errors.
    func testHostObjectsDefineArithmeticAndComparison() throws {
        let context: [String: Value] = ["a": .object(Meters(3)), "b": .object(Meters(5))]
        XCTAssertEqual(try environment.render(
            "{{ a + b }}|{{ b - a }}|{{ a * 2 }}|{{ 2 * a }}|{{ a == 3 }}|{{ a == b }}|{{ a < b }}|{{ [b, a] | sort | join(',') }}|{{ a > 1 }}",
            context), "8m|2m|6m|6m|False|False|True|3m,5m|True")
        XCTAssertThrowsError(try environment.render("{{ a / b }}", context)) { error in
            XCTAssertEqual((error as? TemplateError)?.message, "unsupported operand type(s) for /: 'Meters' and 'Meters'")
        }
        XCTAssertThrowsError(try environment.render("{{ a < 'x' }}", context)) { error in
            XCTAssertEqual((error as? TemplateError)?.message, "'<' not supported between instances of 'Meters' and 'str'")
        }
    }
}

/// A relation-like host object for the tests.
private final class FakeRelation: HostObject {
    let schema: String
    let identifier: String
    init(schema: String, identifier: String) {
        self.schema = schema
        self.identifier = identifier
    }
    var typeName: String { "Relation" }
    var display: String { "\"\(schema)\".\"\(identifier)\"" }
    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "identifier": return .string(identifier)
        case "include":
            return .function("include") { [self] arguments, _ in
                arguments.named("schema")?.isTruthy == false ? .string("\"\(identifier)\"") : .string(display)
            }
        default: return nil
        }
    }
    func call(_ arguments: Arguments, _ context: CallContext) throws -> Value {
        .string("called with \(arguments.positional.first?.str ?? "")")
    }
}

/// A relation-like host object compared by its name, and a mapping.
private final class KeyedRelation: HostObject {
    let name: String
    init(name: String) { self.name = name }
    var typeName: String { "Relation" }
    var valueKey: String? { name }
    var isMapping: Bool { true }
    func item(_ key: Value, _ context: CallContext) throws -> Value? {
        key.stringValue == name ? .string("item \(name)") : nil
    }
}

/// A package-like namespace of macros (`dbt.concat(...)`).
private final class MacroNamespace: HostObject {
    let macros: [String: MacroDefinition]
    init(_ definitions: [MacroDefinition]) {
        macros = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }
    var typeName: String { "Namespace" }
    func attribute(_ name: String, _ context: CallContext) throws -> Value? { macros[name].map { Value.macro($0) } }
}

/// Collects results written from several threads at distinct indices.
private final class UnsafeResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String]
    init(count: Int) { storage = Array(repeating: "", count: count) }
    func set(_ i: Int, _ value: String) { lock.withLock { storage[i] = value } }
    var values: [String] { lock.withLock { storage } }
}

/// A length that adds, scales and compares (and, reflected, is compared against plain ints).
private final class Meters: HostObject {
    let value: Int
    init(_ value: Int) { self.value = value }
    var typeName: String { "Meters" }
    var display: String { "\(value)m" }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        switch (op, other) {
        case (.add, .object(let o as Meters)): return .object(Meters(value + o.value))
        case (.subtract, .object(let o as Meters)): return .object(Meters(reflected ? o.value - value : value - o.value))
        case (.multiply, .int(let factor)): return .object(Meters(value * factor))
        default: return nil
        }
    }

    func equals(_ other: Value) -> Bool? {
        guard case .object(let o as Meters) = other else { return false }
        return o.value == value
    }

    func compare(to other: Value) throws -> Int? {
        switch other {
        case .object(let o as Meters): return value == o.value ? 0 : (value < o.value ? -1 : 1)
        case .int(let i): return value == i ? 0 : (value < i ? -1 : 1)
        default: return nil
        }
    }
}
