/// Every error the engine reports: syntax errors while parsing, runtime errors while rendering.
///
/// Built-ins throw it without a location; the renderer attaches the template name, location
/// and source line in one place, when the error leaves the node that raised it.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, in Python's terms where Jinja2 would raise a Python exception.
    public enum Kind: Sendable, Equatable {
        /// The template does not parse.
        case syntax
        /// An undefined value was used beyond printing or testing it.
        case undefinedValue
        /// An operation on a value of the wrong type (Python's TypeError).
        case invalidOperation
        /// A bad argument value (Python's ValueError), including division by zero.
        case invalidArgument
        /// A filter name that is not registered.
        case unknownFilter
        /// A test name that is not registered.
        case unknownTest
        /// A recursion, loop or output limit was hit.
        case limitExceeded
        /// Raised on purpose by a host function (dbt's `exceptions.raise_compiler_error`).
        case raised
    }

    public var kind: Kind
    public var message: String
    /// The template's name (usually its path), once known.
    public var templateName: String?
    public var location: SourceLocation?
    /// The full source line at `location`.
    public var sourceLine: String?
    /// Macro calls that led here, outermost first, as `name (template:line:col)`.
    public var callStack: [String] = []

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `path:line:col: message`, then the offending line with a caret, then the macro call chain.
    public var description: String {
        var text = ""
        if let templateName { text += templateName + ":" }
        if let location { text += "\(location.line):\(location.column):" }
        text += text.isEmpty ? message : " " + message
        if let sourceLine, let location {
            text += "\n  " + sourceLine + "\n  " + String(repeating: " ", count: max(0, location.column - 1)) + "^"
        }
        for frame in callStack.reversed() { text += "\n  in macro " + frame }
        return text
    }

    /// Fills in the location if the error does not have one yet.
    func located(_ offset: Int, in source: TemplateSource) -> TemplateError {
        guard self.location == nil else { return self }
        var error = self
        let location = source.location(offset)
        error.templateName = source.name
        error.location = location
        error.sourceLine = source.line(location.line)
        return error
    }
}
