/// What an environment does when a template uses an undefined value (Jinja2's `undefined=` class).
///
/// In every behaviour an undefined value prints as nothing, is falsy and iterates as empty, and arithmetic,
/// ordering comparisons and numeric filters on it raise `'x' is undefined`.
public enum UndefinedBehavior: Sendable, Equatable {
    /// Jinja2's `Undefined`: an attribute, an item, a slice or a call of it raises `'x' is undefined`.
    case standard
    /// An attribute, an item, a slice or a call of it gives an undefined value again (after an attribute, one
    /// named by that attribute), so a host can render a template whose names it does not all provide, for
    /// example to collect the calls it makes before the real render.
    case chainable
}
