/// Walks a template's statement tree and writes its output: one renderer per render call.
///
/// Expressions are evaluated in `Renderer+Expressions.swift`, attribute and item access in
/// `Renderer+Access.swift`, calls and macros in `Renderer+Calls.swift`.
final class Renderer {
    let environment: Environment
    let root: Frame
    /// The template whose nodes are running (a macro's own file while inside it).
    var source: TemplateSource
    var callDepth = 0
    /// Where the call being made right now is written (for host functions that record it).
    var callSite: Int?
    var loopIterations = 0
    /// Nested `eval` and `exec` steps under way.
    private var depth = 0
    /// This thread's stack, looked up once the render nests at all.
    private lazy var stack = StackSpace()
    private var globalsCache: [String: Value] = [:]
    /// The host's resolver for names not in any frame (swapped while a host macro with its own runs).
    var globals: (any GlobalResolver)?

    /// How a statement list ended.
    enum Flow {
        case normal, breakLoop, continueLoop
    }

    init(environment: Environment, context: [String: Value], source: TemplateSource, globals: (any GlobalResolver)? = nil) {
        self.environment = environment
        self.globals = globals
        self.root = Frame(parent: nil, globals: context)
        self.source = source
    }

    var context: CallContext { CallContext(renderer: self) }

    func renderTemplate(_ template: Template) throws -> String {
        var out = ""
        out.reserveCapacity(template.source.bytes.count + 64)
        _ = try exec(template.body, root, &out)
        return out
    }

    /// A variable by name: the frames outwards, the host's resolver, then the environment's global functions.
    func lookup(_ name: String, _ frame: Frame) -> Value {
        if let value = frame.lookup(name) { return value }
        if let value = globals?.resolve(name) { return value }
        if let cached = globalsCache[name] { return cached }
        if let function = environment.functions[name] {
            let value = Value.callable(NativeFunction(name, function))
            globalsCache[name] = value
            return value
        }
        return .undefined("'\(name)' is undefined")
    }

    /// Enters one nested step (pair with `ascend()`); throws instead of overflowing the stack.
    func descend() throws {
        if depth >= 4 && stack.isLow {
            throw TemplateError(.limitExceeded, "maximum nesting depth exceeded: the template nests too deeply for the stack")
        }
        depth += 1
    }

    func ascend() { depth -= 1 }

    // MARK: Statements

    func exec(_ body: [Stmt], _ frame: Frame, _ out: inout String) throws -> Flow {
        try descend()
        defer { ascend() }
        // Statements read in place: a copy of each would count a reference on a tree that every thread rendering the
        // same macro shares.
        for index in body.indices {
            do {
                switch body[index].kind {
                case .text(let text):
                    out += text
                case .output(let expr):
                    try write(try eval(expr, frame), into: &out)
                case .if(let branches, let otherwise):
                    var chosen = otherwise
                    for branch in branches {
                        if try eval(branch.condition, frame).isTruthy {
                            chosen = branch.body
                            break
                        }
                    }
                    let flow = try exec(chosen, frame, &out)
                    if flow != .normal { return flow }
                case .for(let loop):
                    try runLoop(loop, over: try eval(loop.iterable, frame), frame, depth0: 0, into: &out)
                case .set(let target, let expr):
                    try assign(target, try eval(expr, frame), frame)
                case .setBlock(let target, let filters, let body):
                    try assign(target, try capture(body, filters, frame), frame)
                case .macro(let definition):
                    frame[definition.name] = .callable(Macro(definition, closure: frame))
                case .callBlock(let call, let caller):
                    try write(try evalCall(call, frame, caller: Macro(caller, closure: frame)), into: &out)
                case .filterBlock(let filters, let body):
                    try write(try capture(body, filters, frame), into: &out)
                case .do(let expr):
                    _ = try eval(expr, frame)
                case .with(let assignments, let body):
                    let inner = Frame(parent: frame)
                    for (target, expr) in assignments { try assign(target, try eval(expr, frame), inner) }
                    let flow = try exec(body, inner, &out)
                    if flow != .normal { return flow }
                case .break:
                    return .breakLoop
                case .continue:
                    return .continueLoop
                case .definition:
                    break
                }
            } catch let error as TemplateError {
                throw error.located(body[index].span.start, in: source)
            }
        }
        return .normal
    }

    /// Appends `value` as `{{ }}` prints it.
    func write(_ value: Value, into out: inout String) throws {
        switch value {
        case .string(let s): out += s
        case .int(let i): out += String(i)
        case .undefined: break
        default: out += try value.printed()
        }
        guard out.utf8.count <= environment.limits.maxOutputBytes else {
            throw TemplateError(.limitExceeded, "output exceeds \(environment.limits.maxOutputBytes) bytes")
        }
    }

    /// Renders `body` to a string and applies `filters` (block `set` and `filter`).
    private func capture(_ body: [Stmt], _ filters: [FilterCall], _ frame: Frame) throws -> Value {
        var text = ""
        _ = try exec(body, frame, &text)
        var value = Value.string(text)
        for filter in filters { value = try applyFilter(filter, value, frame) }
        return value
    }

    // MARK: Loops

    func runLoop(_ loop: ForLoop, over iterable: Value, _ frame: Frame, depth0: Int, into out: inout String) throws {
        var items = try iterate(iterable)
        if let condition = loop.condition {
            items = try items.filter { item in
                let scratch = Frame(parent: frame)
                try assign(loop.target, item, scratch)
                return try eval(condition, scratch).isTruthy
            }
        }
        guard !items.isEmpty else {
            _ = try exec(loop.otherwise, frame, &out)
            return
        }
        let recurse: ((Value, Int) throws -> Value)? = loop.recursive ? { [unowned self] nested, depth in
            var text = ""
            try self.runLoop(loop, over: nested, frame, depth0: depth, into: &text)
            return .string(text)
        } : nil
        let state = LoopState(items: items, depth0: depth0, recurse: recurse)
        let loopValue = Value.object(state)
        for (index, item) in items.enumerated() {
            loopIterations += 1
            if loopIterations > environment.limits.maxLoopIterations {
                throw TemplateError(.limitExceeded, "more than \(environment.limits.maxLoopIterations) loop iterations")
            }
            state.index0 = index
            let iteration = Frame(parent: frame, name: "loop", value: loopValue)
            try assign(loop.target, item, iteration)
            if try exec(loop.body, iteration, &out) == .breakLoop { break }
        }
    }

    // MARK: Assignment

    func assign(_ target: AssignTarget, _ value: Value, _ frame: Frame) throws {
        switch target {
        case .name(let name):
            frame[name] = value
        case .tuple(let targets):
            let items = try iterate(value)
            guard items.count == targets.count else {
                throw TemplateError(.invalidArgument, items.count > targets.count
                    ? "too many values to unpack (expected \(targets.count))"
                    : "not enough values to unpack (expected \(targets.count), got \(items.count))")
            }
            for (target, item) in zip(targets, items) { try assign(target, item, frame) }
        case .attribute(let objectExpr, let name):
            guard case .object(let object) = try eval(objectExpr, frame), object is Namespace else {
                throw TemplateError(.invalidOperation, "cannot assign attribute on non-namespace object")
            }
            try object.setAttribute(name, value)
        }
    }
}
