/// The language a node's file is written in: SQL with Jinja, or a Python model (`.py`), which swiftdbt parses
/// but cannot run (as dbt on an adapter without Python support).
public enum ModelLanguage: String, Sendable {
    case sql
    case python
}
