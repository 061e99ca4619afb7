/// Expression evaluation.
extension Renderer {
    func eval(_ expr: Expr, _ frame: Frame) throws -> Value {
        do {
            try descend()
            defer { ascend() }
            switch expr.kind {
            case .literal(let constant):
                return constant.value
            case .name(let name):
                return lookup(name, frame)
            case .list(let items):
                return .list(ListStorage(try items.map { try eval($0, frame) }))
            case .tuple(let items):
                return .tuple(try items.map { try eval($0, frame) })
            case .dict(let pairs):
                let storage = DictStorage()
                for (keyExpr, valueExpr) in pairs {
                    let key = try eval(keyExpr, frame)
                    guard DictStorage.isHashable(key) else {
                        throw TemplateError(.invalidOperation, "unhashable type: '\(key.typeName)'")
                    }
                    storage[key] = try eval(valueExpr, frame)
                }
                return .dict(storage)
            case .negate(let operand):
                return try eval(operand, frame).negated()
            case .plus(let operand):
                return try eval(operand, frame).positive()
            case .not(let operand):
                return .bool(!(try eval(operand, frame).isTruthy))
            case .binary(let op, let left, let right):
                let result = try Value.binary(op, try eval(left, frame), try eval(right, frame))
                if case .string(let s) = result { try checkLength(s) }
                return result
            case .and(let left, let right):
                let value = try eval(left, frame)
                return value.isTruthy ? try eval(right, frame) : value
            case .or(let left, let right):
                let value = try eval(left, frame)
                return value.isTruthy ? value : try eval(right, frame)
            case .compare(let first, let rest):
                var left = try eval(first, frame)
                for (op, rightExpr) in rest {
                    let right = try eval(rightExpr, frame)
                    guard try compare(op, left, right) else { return .bool(false) }
                    left = right
                }
                return .bool(true)
            case .concat(let parts):
                var text = ""
                for part in parts { text += try eval(part, frame).printed() }
                try checkLength(text)
                return .string(text)
            case .conditional(let test, let then, let otherwise):
                if try eval(test, frame).isTruthy { return try eval(then, frame) }
                guard let otherwise else { return .undefined("the inline if-expression evaluated to false and no else section was defined") }
                return try eval(otherwise, frame)
            case .attribute(let object, let name):
                return try attribute(try eval(object, frame), name)
            case .item(let object, let key):
                return try item(try eval(object, frame), try eval(key, frame))
            case .slice(let object, let start, let stop, let step):
                return try slice(try eval(object, frame), try start.map { try eval($0, frame) },
                                 try stop.map { try eval($0, frame) }, try step.map { try eval($0, frame) })
            case .call:
                return try evalCall(expr, frame, caller: nil)
            case .filter(let subject, let filter):
                return try applyFilter(filter, try eval(subject, frame), frame)
            case .test(let subject, let name, let arguments, let negated):
                let value = try eval(subject, frame)
                guard let test = environment.tests[name] else {
                    throw TemplateError(.unknownTest, "unknown test '\(name)'")
                }
                let result = try test(value, try evalArguments(arguments, frame), context)
                return .bool(result != negated)
            }
        } catch let error as TemplateError {
            throw error.located(expr.span.start, in: source)
        }
    }

    private func compare(_ op: CompareOperator, _ left: Value, _ right: Value) throws -> Bool {
        switch op {
        case .eq: return Value.equals(left, right)
        case .ne: return !Value.equals(left, right)
        case .lt: return try Value.compare(left, right) < 0
        case .lteq: return try Value.compare(left, right) <= 0
        case .gt: return try Value.compare(left, right) > 0
        case .gteq: return try Value.compare(left, right) >= 0
        case .in: return try Value.contains(right, left)
        case .notIn: return !(try Value.contains(right, left))
        }
    }

    private func checkLength(_ text: String) throws {
        if text.utf8.count > environment.limits.maxOutputBytes {
            throw TemplateError(.limitExceeded, "string exceeds \(environment.limits.maxOutputBytes) bytes")
        }
    }

    func applyFilter(_ filter: FilterCall, _ value: Value, _ frame: Frame) throws -> Value {
        do {
            guard let function = environment.filters[filter.name] else {
                throw TemplateError(.unknownFilter, "unknown filter '\(filter.name)'")
            }
            return try function(value, try evalArguments(filter.arguments, frame), context)
        } catch let error as TemplateError {
            throw error.located(filter.span.start, in: source)
        }
    }

    func evalArguments(_ arguments: CallArguments, _ frame: Frame) throws -> Arguments {
        var result = Arguments()
        if !arguments.positional.isEmpty {
            result.positional = try arguments.positional.map { try eval($0, frame) }
        }
        if let star = arguments.star { result.positional += try iterate(try eval(star, frame)) }
        for (name, expr) in arguments.keyword { result.keyword.append((name, try eval(expr, frame))) }
        if let doubleStar = arguments.doubleStar {
            guard case .dict(let storage) = try eval(doubleStar, frame) else {
                throw TemplateError(.invalidOperation, "argument after ** must be a mapping")
            }
            for (key, value) in storage.entries { result.keyword.append((key.str, value)) }
        }
        return result
    }
}

extension Constant {
    var value: Value {
        switch self {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .bigInt(let b): return .bigInt(b)
        case .float(let d): return .float(d)
        case .string(let s): return .string(s)
        }
    }
}
