/// The engine's configuration: filters, tests, global functions and limits.
///
/// An environment is a value: configure it, then share it freely between threads. Parsing
/// gives a `Template` that can be rendered many times, concurrently, with different contexts.
public struct Environment: Sendable {
    /// `value | name(args)`.
    public typealias Filter = @Sendable (Value, Arguments, CallContext) throws -> Value
    /// `value is name(args)`.
    public typealias Test = @Sendable (Value, Arguments, CallContext) throws -> Bool
    /// A global function such as `range(...)`.
    public typealias Function = @Sendable (Arguments, CallContext) throws -> Value

    public var filters: [String: Filter]
    public var tests: [String: Test]
    public var functions: [String: Function]
    public var limits = Limits()
    /// What using an undefined value does; `.standard` unless the host chooses otherwise.
    public var undefinedBehavior = UndefinedBehavior.standard

    /// An environment with Jinja2's built-in filters, tests and globals.
    public init() {
        filters = BuiltinFilters.all
        tests = BuiltinTests.all
        functions = BuiltinGlobals.all
    }

    /// Parses `source`; `name` (usually a file path) is used in error messages.
    public func parse(_ source: String, name: String = "<template>") throws -> Template {
        let normalized = TemplateSource(name: name, text: source)
        var parser = try Parser(source: normalized)
        let body = try parser.parseTemplate()
        return Template(source: normalized, body: body, macros: parser.macros, blocks: parser.blocks,
                        namesRead: parser.namesRead, attributesRead: parser.attributesRead)
    }

    /// Renders `template` with `context` as its global variables; names found nowhere else are
    /// asked of `globals` (a host's lazily resolved macros, for example).
    public func render(_ template: Template, _ context: [String: Value] = [:], globals: (any GlobalResolver)? = nil) throws -> String {
        let renderer = Renderer(environment: self, context: context, source: template.source, globals: globals)
        return try renderer.renderTemplate(template)
    }

    /// Parses and renders in one step.
    public func render(_ source: String, _ context: [String: Value] = [:], name: String = "<template>") throws -> String {
        try render(try parse(source, name: name), context)
    }

    /// Renders `source` and returns the value itself when the template is a single `{{ expression }}`
    /// (so `"{{ var('n', 3) }}"` gives the integer 3), else the rendered text as a string.
    public func evaluate(_ source: String, _ context: [String: Value] = [:], name: String = "<template>",
                         globals: (any GlobalResolver)? = nil) throws -> Value {
        let template = try parse(source, name: name)
        let renderer = Renderer(environment: self, context: context, source: template.source, globals: globals)
        if template.body.count == 1, case .output(let expr) = template.body[0].kind {
            return try renderer.eval(expr, renderer.root)
        }
        return .string(try renderer.renderTemplate(template))
    }

    /// Calls a macro defined in some template, with the given globals visible to its body.
    public func call(_ macro: MacroDefinition, _ arguments: Arguments, context: [String: Value] = [:],
                     globals: (any GlobalResolver)? = nil) throws -> Value {
        let renderer = Renderer(environment: self, context: context, source: macro.source, globals: globals)
        return try renderer.call(.callable(Macro(macro, closure: nil)), arguments, at: nil)
    }
}

/// Supplies global names on demand, after the render context and before the environment's functions.
public protocol GlobalResolver {
    /// The value of the global `name`, or nil when there is none.
    func resolve(_ name: String) -> Value?
}

/// Bounds that keep a hostile or buggy template from exhausting the machine.
public struct Limits: Sendable {
    /// Nested macro calls (including recursion).
    public var maxCallDepth = 150
    /// Loop iterations in one render.
    public var maxLoopIterations = 10_000_000
    /// Bytes of output in one render, and of any single string built.
    public var maxOutputBytes = 256 << 20

    public init() {}
}
