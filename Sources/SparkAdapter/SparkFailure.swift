import Foundation
import GRPCCore
import SwiftDBT

/// A failed Spark Connect call as the error a run reports. The server sends Spark's message in the gRPC
/// status (`[ERROR_CLASS] message SQLSTATE: xxxxx`, then the query and a marker under the failing part);
/// the first paragraph is kept. An unreachable server is a lost connection.
struct SparkFailure {
    let error: any Error

    init(_ error: any Error) { self.error = error }

    var runError: DBTError {
        if let error = error as? DBTError { return error }
        guard let rpc = error as? RPCError else { return DBTError(.execution, String(describing: error)) }
        switch rpc.code {
        case .unavailable:
            return DBTError(.connectionLost, "the Spark Connect server cannot be reached: \(SparkFailure.summary(rpc.message))")
        case .unauthenticated, .permissionDenied:
            return DBTError(.connection, "the Spark Connect server refused the session: \(SparkFailure.summary(rpc.message))")
        default:
            return DBTError(.execution, SparkFailure.summary(rpc.message))
        }
    }

    /// Spark's message up to its `SQLSTATE: xxxxx` (and the `line n pos m` after it), without the plan or query
    /// Spark adds below; a message without one up to its first empty line. Lines are joined by spaces.
    static func summary(_ message: String) -> String {
        var text = message.components(separatedBy: "\n\n").first ?? message
        if let marker = message.range(of: "SQLSTATE: ") {
            var end = message.index(marker.upperBound, offsetBy: 5, limitedBy: message.endIndex) ?? message.endIndex
            let rest = message[end...]
            if rest.hasPrefix("; line "), let close = rest.firstIndex(where: { $0 == ";" || $0 == "\n" }).flatMap({ first in
                rest[rest.index(after: first)...].firstIndex(where: { $0 == ";" || $0 == "\n" })
            }) {
                end = close
            }
            text = String(message[..<end])
        }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
