/// Who may `ref()` a model (dbt's `access`): `private` to its group, `protected` to its package
/// (enforced across packages only with `restrict-access`), `public` to anyone.
public enum ModelAccess: String, Sendable {
    case `private`, protected, `public`
}
