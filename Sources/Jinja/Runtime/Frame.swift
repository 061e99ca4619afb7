/// One scope of variables; lookups walk outwards through `parent`.
///
/// Jinja2's scoping: each loop iteration, macro call and `with` block gets a new frame;
/// `if` does not, so a `set` inside `if` is seen after it and one inside `for` is not.
/// Most frames hold one or two names (`loop` and the loop variable), so the first two
/// live in fields, searched without hashing; the rest go to a dictionary.
final class Frame {
    private var firstName: String?
    private var firstValue: Value = .none
    private var secondName: String?
    private var secondValue: Value = .none
    private var more: [String: Value]?
    let parent: Frame?

    init(parent: Frame?) {
        self.parent = parent
    }

    /// A frame holding the render's global variables.
    init(parent: Frame?, globals: [String: Value]) {
        self.parent = parent
        self.more = globals
    }

    /// A frame holding one variable (a loop iteration's `loop`).
    init(parent: Frame?, name: String, value: Value) {
        self.parent = parent
        firstName = name
        firstValue = value
    }

    /// The value bound in this frame only.
    subscript(name: String) -> Value? {
        get {
            if firstName == name { return firstValue }
            if secondName == name { return secondValue }
            return more?[name]
        }
        set {
            if firstName == name {
                if let newValue { firstValue = newValue } else { firstName = nil; firstValue = .none }
            } else if secondName == name {
                if let newValue { secondValue = newValue } else { secondName = nil; secondValue = .none }
            } else if more?[name] != nil || newValue == nil {
                more?[name] = newValue
            } else if let newValue, firstName == nil {
                firstName = name
                firstValue = newValue
            } else if let newValue, secondName == nil {
                secondName = name
                secondValue = newValue
            } else {
                if more == nil { more = [:] }
                more?[name] = newValue
            }
        }
    }

    /// The value of `name` here or in an enclosing frame.
    func lookup(_ name: String) -> Value? {
        var frame: Frame? = self
        while let current = frame {
            if let value = current[name] { return value }
            frame = current.parent
        }
        return nil
    }
}
