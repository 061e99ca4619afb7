import Jinja

extension EarlyContext {
    /// What `packages.yml`, `dependencies.yml` and `package-lock.yml` render with: `env_var()` and
    /// `var()` of `--vars`. dbt lets these files read secret env vars (for tokens in git URLs), as profiles.
    var packageValues: [String: Value] { profileValues }
}
