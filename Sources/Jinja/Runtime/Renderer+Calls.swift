/// Calls: methods of built-in values, host functions, and macros with Jinja2's argument rules.
extension Renderer {
    /// Evaluates a `.call` expression; `caller` is the body of an enclosing `{% call %}` block.
    func evalCall(_ expr: Expr, _ frame: Frame, caller: Macro?) throws -> Value {
        guard case .call(let calleeExpr, let argumentExprs) = expr.kind else { return try eval(expr, frame) }
        var arguments = try evalArguments(argumentExprs, frame)
        if let caller { arguments.keyword.append(("caller", .callable(caller))) }
        // `x.method(...)` on strings, lists and dicts: call the method without binding it first.
        if case .attribute(let objectExpr, let name) = calleeExpr.kind {
            let object = try eval(objectExpr, frame)
            switch object {
            case .string, .list, .dict, .tuple:
                if let result = try BuiltinMethods.call(object, name, arguments, context) { return result }
            default: break
            }
            return try call(try attribute(object, name), arguments, at: expr.span.start)
        }
        return try call(try eval(calleeExpr, frame), arguments, at: expr.span.start)
    }

    /// Calls `callee`; `site` is where the call is written, for the macro call chain in errors.
    func call(_ callee: Value, _ arguments: Arguments, at site: Int?) throws -> Value {
        switch callee {
        case .callable(let function):
            if let site { callSite = site }
            do {
                return try function.call(arguments, context)
            } catch var error as TemplateError {
                if let macro = function as? Macro, error.location != nil, let site {
                    error.callStack.append("'\(macro.name)' called at \(source.name):\(source.location(site))")
                }
                throw error
            } catch let signal as ReturnSignal {
                // Outside any macro, dbt fails the template with the returned value as the message.
                guard callDepth > 0 else { throw TemplateError(.raised, signal.value.str) }
                throw signal
            } catch {
                throw TemplateError(.raised, String(describing: error))
            }
        case .object(let object):
            return try object.call(arguments, context)
        case .undefined(let message):
            if environment.undefinedBehavior == .chainable { return callee }
            throw Value.undefinedError(message)
        default:
            throw TemplateError(.invalidOperation, "'\(callee.typeName)' object is not callable")
        }
    }

    /// Runs a macro body in a new frame and returns its output (or what `return()` handed back).
    func callMacro(_ macro: Macro, _ arguments: Arguments) throws -> Value {
        guard callDepth < environment.limits.maxCallDepth else {
            throw TemplateError(.limitExceeded, "maximum macro call depth (\(environment.limits.maxCallDepth)) exceeded")
        }
        let definition = macro.definition
        let savedSource = source
        let savedGlobals = globals
        source = definition.source
        if let own = macro.globals { globals = own }
        callDepth += 1
        defer {
            callDepth -= 1
            source = savedSource
            globals = savedGlobals
        }
        let frame = try bind(macro, arguments)
        var out = ""
        do {
            _ = try exec(definition.body, frame, &out)
        } catch let signal as ReturnSignal {
            return signal.value
        }
        return .string(out)
    }

    private func bind(_ macro: Macro, _ arguments: Arguments) throws -> Frame {
        let definition = macro.definition
        let parameters = definition.parameters
        let frame = Frame(parent: macro.closure ?? root)
        let positional = arguments.positional
        if positional.count > parameters.count && !definition.usesVarargs {
            throw TemplateError(.invalidArgument,
                "macro '\(definition.name)' takes not more than \(parameters.count) argument(s)")
        }
        for (parameter, value) in zip(parameters, positional) { frame[parameter.name] = value }
        let kwargs = DictStorage()
        var caller: Value?
        for (name, value) in arguments.keyword {
            if let position = parameters.firstIndex(where: { $0.name == name }) {
                if position < positional.count {
                    throw TemplateError(.invalidArgument, "macro '\(definition.name)' got multiple values for argument '\(name)'")
                }
                frame[name] = value
            } else if name == "caller" && definition.usesCaller {
                caller = value
            } else if definition.usesKwargs {
                kwargs[name] = value
            } else {
                throw TemplateError(.invalidArgument, "macro '\(definition.name)' takes no keyword argument '\(name)'")
            }
        }
        for parameter in parameters.dropFirst(positional.count) where frame[parameter.name] == nil {
            if let defaultValue = parameter.defaultValue {
                frame[parameter.name] = try eval(defaultValue, frame)
            } else {
                frame[parameter.name] = .undefined("'\(parameter.name)' is undefined")
            }
        }
        if definition.usesVarargs { frame["varargs"] = .tuple(Array(positional.dropFirst(parameters.count))) }
        if definition.usesKwargs { frame["kwargs"] = .dict(kwargs) }
        if definition.usesCaller { frame["caller"] = caller ?? .undefined("No caller defined") }
        return frame
    }
}
