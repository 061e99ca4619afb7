/// What a filter, test or host function may do with the render that called it:
/// call values, apply other filters and tests, read attributes as templates do.
public struct CallContext {
    let renderer: Renderer

    /// Calls a callable value (a macro, a function, a host object).
    public func call(_ callee: Value, _ arguments: Arguments = Arguments()) throws -> Value {
        try renderer.call(callee, arguments, at: nil)
    }

    /// Applies the filter `name`.
    public func filter(_ name: String, _ value: Value, _ arguments: Arguments = Arguments()) throws -> Value {
        guard let filter = renderer.environment.filters[name] else {
            throw TemplateError(.unknownFilter, "unknown filter '\(name)'")
        }
        return try filter(value, arguments, self)
    }

    /// Applies the test `name`.
    public func test(_ name: String, _ value: Value, _ arguments: Arguments = Arguments()) throws -> Bool {
        guard let test = renderer.environment.tests[name] else {
            throw TemplateError(.unknownTest, "unknown test '\(name)'")
        }
        return try test(value, arguments, self)
    }

    /// `value.name` with Jinja2's rules (attribute first, then item).
    public func attribute(_ value: Value, _ name: String) throws -> Value {
        try renderer.attribute(value, name)
    }

    /// `value[key]` with Jinja2's rules (item first, then attribute).
    public func item(_ value: Value, _ key: Value) throws -> Value {
        try renderer.item(value, key)
    }

    /// The items `for x in value` would visit.
    public func iterate(_ value: Value) throws -> [Value] {
        try renderer.iterate(value)
    }

    /// A variable of the current render (its context or a template-level `set`), or undefined.
    public func lookup(_ name: String) -> Value {
        renderer.lookup(name, renderer.root)
    }

    /// Where the current call is written: the template's name and the call's line and column.
    public var callSite: (template: String, location: SourceLocation)? {
        renderer.callSite.map { (renderer.source.name, renderer.source.location($0)) }
    }

    /// The environment doing the rendering.
    public var environment: Environment { renderer.environment }
}
