/// One scope of variables; lookups walk outwards through `parent`.
///
/// Jinja2's scoping: each loop iteration, macro call and `with` block gets a new frame;
/// `if` does not, so a `set` inside `if` is seen after it and one inside `for` is not.
final class Frame {
    var vars: [String: Value]
    let parent: Frame?

    init(parent: Frame?, vars: [String: Value] = [:]) {
        self.parent = parent
        self.vars = vars
    }

    func lookup(_ name: String) -> Value? {
        var frame: Frame? = self
        while let current = frame {
            if let value = current.vars[name] { return value }
            frame = current.parent
        }
        return nil
    }
}
