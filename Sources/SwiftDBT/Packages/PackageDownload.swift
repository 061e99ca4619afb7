import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// HTTP downloads for `deps`, through Foundation's URLSession (libcurl on Linux, shipped with the
/// toolchain): the package hub's JSON and package tarballs.
enum PackageDownload {
    /// The body of a successful (2xx) GET of `url`; fails naming `package` and the cause.
    static func data(from url: String, for package: String) throws -> Data {
        guard let address = URL(string: url), let scheme = address.scheme?.lowercased(), ["http", "https"].contains(scheme) else {
            throw DBTError(.project, "package '\(package)': '\(url)' is not an http(s) URL")
        }
        var request = URLRequest(url: address, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 30)
        request.httpMethod = "GET"
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            outcome.set(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
            done.signal()
        }
        task.resume()
        done.wait()
        let (data, status, error) = outcome.get()
        if let error {
            throw DBTError(.project, "package '\(package)': cannot download \(url): \(error.localizedDescription)")
        }
        guard let status, (200..<300).contains(status), let data else {
            throw DBTError(.project, "package '\(package)': cannot download \(url): HTTP status \(outcome.get().status.map(String.init) ?? "unknown")")
        }
        return data
    }

    /// What the completion handler hands back. `@unchecked Sendable`: written once under `lock`
    /// before the semaphore is signalled, read under `lock` after it is waited for.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var data: Data?
        private var status: Int?
        private var error: (any Error)?

        func set(data: Data?, status: Int?, error: (any Error)?) {
            lock.lock()
            defer { lock.unlock() }
            (self.data, self.status, self.error) = (data, status, error)
        }

        func get() -> (data: Data?, status: Int?, error: (any Error)?) {
            lock.lock()
            defer { lock.unlock() }
            return (data, status, error)
        }
    }
}
