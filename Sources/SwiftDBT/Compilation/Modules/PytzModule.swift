import Jinja

/// `modules.pytz`: `utc` and `timezone(name)` (zones from the system's zone database), as far as dbt exposes pytz.
final class PytzModule: HostObject, Sendable {
    var typeName: String { "module" }

    func attribute(_ name: String, _ context: CallContext) throws -> Value? {
        switch name {
        case "utc": return .object(TimeZoneObject.utc)
        case "timezone":
            return .function(name) { arguments, _ in
                guard let zone = arguments.value(0, "zone")?.stringValue else {
                    throw TemplateError(.invalidArgument, "pytz.timezone() needs a zone name")
                }
                return .object(try TimeZoneObject.named(zone))
            }
        default: return nil
        }
    }
}
