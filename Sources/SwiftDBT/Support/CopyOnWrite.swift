/// A value's fields kept in one reference-counted box and copied on write: a copy of the value is one reference count,
/// however many fields it has. The value reads a field in place through the box (`_read { yield box.fields.name }`)
/// and writes it through `_modify`, which copies the box first when another value shares it.
struct CopyOnWrite<Fields> {
    private final class Box {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(_ fields: Fields) {
        box = Box(fields)
    }

    var fields: Fields {
        _read { yield box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }
}

// A box is only written while uniquely referenced, never once shared: it is as sendable as its fields.
extension CopyOnWrite: @unchecked Sendable where Fields: Sendable {}
