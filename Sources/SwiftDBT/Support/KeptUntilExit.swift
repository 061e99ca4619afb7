import Foundation

/// Values the process keeps until it exits, so they are never freed piece by piece: the command
/// line keeps its loaded project here, as freeing tens of thousands of nodes one by one just
/// before `exit` cost about a twentieth of a parse.
public enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []
    private static let lock = NSLock()

    public static func keep(_ value: Any) {
        lock.withLock { values.append(value) }
    }
}
