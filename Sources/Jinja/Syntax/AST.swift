/// An expression node with the source span it came from.
struct Expr: Sendable {
    var kind: ExprKind
    var span: Span
}

/// The shapes an expression can take, as Jinja2's parser builds them.
indirect enum ExprKind: Sendable {
    case literal(Constant)
    case name(String)
    case list([Expr])
    case tuple([Expr])
    case dict([(key: Expr, value: Expr)])
    case negate(Expr)
    case plus(Expr)
    case not(Expr)
    case binary(BinaryOperator, Expr, Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    /// `a < b <= c`: every comparison must hold.
    case compare(Expr, [(op: CompareOperator, right: Expr)])
    /// `a ~ b ~ c`.
    case concat([Expr])
    case conditional(test: Expr, then: Expr, otherwise: Expr?)
    case attribute(Expr, String)
    case item(Expr, Expr)
    case slice(Expr, start: Expr?, stop: Expr?, step: Expr?)
    case call(Expr, CallArguments)
    case filter(Expr, FilterCall)
    case test(Expr, name: String, CallArguments, negated: Bool)
}

/// A literal known at parse time.
enum Constant: Sendable {
    case none
    case bool(Bool)
    case int(Int)
    case bigInt(BigInteger)
    case float(Double)
    case string(String)
}

/// An arithmetic operator: `+ - * / // % **`.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
}

enum CompareOperator: String, Sendable {
    case eq = "==", ne = "!=", lt = "<", lteq = "<=", gt = ">", gteq = ">=", `in` = "in", notIn = "not in"
}

/// Call arguments as written: positional, keyword, `*args` and `**kwargs`.
struct CallArguments: Sendable {
    var positional: [Expr] = []
    var keyword: [(name: String, value: Expr)] = []
    var star: Expr?
    var doubleStar: Expr?
}

/// One `| name(args)` application.
struct FilterCall: Sendable {
    var name: String
    var arguments: CallArguments
    var span: Span
}

/// A statement node with the source span it came from.
struct Stmt: Sendable {
    var kind: StmtKind
    var span: Span
}

indirect enum StmtKind: Sendable {
    case text(String)
    case output(Expr)
    case `if`(branches: [(condition: Expr, body: [Stmt])], otherwise: [Stmt])
    case `for`(ForLoop)
    case set(AssignTarget, Expr)
    case setBlock(AssignTarget, filters: [FilterCall], body: [Stmt])
    case macro(MacroDefinition)
    case callBlock(call: Expr, caller: MacroDefinition)
    case filterBlock(filters: [FilterCall], body: [Stmt])
    case `do`(Expr)
    case with(assignments: [(AssignTarget, Expr)], body: [Stmt])
    case `break`
    case `continue`
    /// A dbt block (`test`, `docs`, `materialization`, `snapshot`): collected at parse time, silent when rendered.
    case definition
}

/// The left side of `set` and of `for`.
indirect enum AssignTarget: Sendable {
    case name(String)
    case tuple([AssignTarget])
    /// `ns.attr` on a `namespace()` object.
    case attribute(Expr, String)
}

/// `{% for target in iterable if condition recursive %}`.
struct ForLoop: Sendable {
    var target: AssignTarget
    var iterable: Expr
    var condition: Expr?
    var recursive: Bool
    var body: [Stmt]
    var otherwise: [Stmt]
}
