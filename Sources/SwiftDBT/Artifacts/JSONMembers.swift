/// Writes an object's members straight to JSON bytes, `"name": value`: what comes before each name (`first` before
/// the object's first member, `next` before the others) sets the layout, one line (`, "`) or pretty (`,\n      "`).
/// Names need no escaping.
struct JSONMembers: Sendable {
    let first: StaticString
    let next: StaticString
    /// How `ConfigValue`s are indented (nil: on one line), as `JSONWriter.write` takes it.
    let indent: Int?

    func key(_ name: StaticString, first isFirst: Bool = false, _ out: inout ByteBuffer) {
        out.append(isFirst ? first : next)
        out.append(name)
        out.append("\": ")
    }

    func string(_ name: StaticString, _ value: String, first isFirst: Bool = false, _ out: inout ByteBuffer) {
        key(name, first: isFirst, &out)
        JSONWriter.writeString(value, into: &out)
    }

    func optionalString(_ name: StaticString, _ value: String?, _ out: inout ByteBuffer) {
        key(name, &out)
        if let value { JSONWriter.writeString(value, into: &out) } else { out.append("null") }
    }

    func value(_ name: StaticString, _ value: ConfigValue, _ out: inout ByteBuffer) {
        key(name, &out)
        JSONWriter.write(value, into: &out, indent: indent, sortKeys: false)
    }
}
