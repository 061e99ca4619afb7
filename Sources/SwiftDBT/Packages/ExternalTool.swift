import Foundation

/// Runs the system tools `deps` relies on (`git` for git packages, `tar` for archives).
enum ExternalTool {
    /// Runs `tool` with `arguments` in `directory`; its standard output, or a failure naming
    /// `package` and the tool's last line of standard error.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], in directory: String, for package: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DBTError(.project, "package '\(package)': cannot run \(tool): \(error.localizedDescription)")
        }
        // Standard error is read beside standard output, so neither pipe fills up and blocks the tool.
        let errorText = CollectedOutput()
        let errorHandle = errors.fileHandleForReading
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { errorText.set(errorHandle.readDataToEndOfFile()) }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        reading.wait()
        let err = errorText.get()
        guard process.terminationStatus == 0 else {
            let lines = String(decoding: err, as: UTF8.self).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            let cause = lines.last(where: { !$0.isEmpty }) ?? "exit status \(process.terminationStatus)"
            throw DBTError(.project, "package '\(package)': \(tool) \(arguments.first ?? "") failed: \(cause)")
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Bytes one thread reads and another takes. `@unchecked Sendable`: both sides hold `lock`.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        self.data = data
    }

    func get() -> Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
