import Jinja

/// A macro of a project, a package or the built-in `dbt` namespace.
public struct MacroEntry: Sendable {
    /// The fields in one copy-on-write box: a macro is copied wherever a lookup returns it (several times for each
    /// node a project parses), and a copy is then one reference count.
    private var box: CopyOnWrite<Fields>

    private struct Fields {
        var uniqueID: String
        var name: String
        var packageName: String
        var originalFilePath: String
        var definition: MacroDefinition
        var description: String = ""
        var arguments: [MacroArgument] = []
        var patchPath: String?
    }

    init(uniqueID: String, name: String, packageName: String, originalFilePath: String, definition: MacroDefinition) {
        box = CopyOnWrite(Fields(uniqueID: uniqueID, name: name, packageName: packageName, originalFilePath: originalFilePath,
                                 definition: definition))
    }

    /// `macro.<package>.<name>`.
    public var uniqueID: String {
        _read { yield box.fields.uniqueID }
        _modify { yield &box.fields.uniqueID }
    }

    public var name: String {
        _read { yield box.fields.name }
        _modify { yield &box.fields.name }
    }

    public var packageName: String {
        _read { yield box.fields.packageName }
        _modify { yield &box.fields.packageName }
    }

    public var originalFilePath: String {
        _read { yield box.fields.originalFilePath }
        _modify { yield &box.fields.originalFilePath }
    }

    public var definition: MacroDefinition {
        _read { yield box.fields.definition }
        _modify { yield &box.fields.definition }
    }

    /// From a `macros:` property entry: the rendered description, the documented arguments and that file.
    public var description: String {
        _read { yield box.fields.description }
        _modify { yield &box.fields.description }
    }

    public var arguments: [MacroArgument] {
        _read { yield box.fields.arguments }
        _modify { yield &box.fields.arguments }
    }

    public var patchPath: String? {
        _read { yield box.fields.patchPath }
        _modify { yield &box.fields.patchPath }
    }
}

/// An argument of a macro as its `macros:` property entry documents it.
public struct MacroArgument: Sendable {
    public var name: String
    public var type: String?
    public var description: String
    /// Where `description:` is written, for errors while rendering it.
    var descriptionAt: FileLocation?
}
