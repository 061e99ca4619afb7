import Foundation
import XCTest

/// The error for a test whose prerequisite this machine lacks (a PostgreSQL server, Python's jsonschema,
/// Chromium): under `CI=true`, where `.ci/run` installs every one, a failure; elsewhere a skip.
public func missingPrerequisite(_ reason: String) -> any Error {
    guard ProcessInfo.processInfo.environment["CI"] != "true" else { return MissingPrerequisite(reason: reason) }
    return XCTSkip(reason)
}

/// A prerequisite missing under `CI=true`: thrown by a test, it fails it.
public struct MissingPrerequisite: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "CI=true but " + reason }
}
