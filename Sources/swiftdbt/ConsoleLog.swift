import Foundation
import SwiftDBT

extension Console {
    /// What a console shows and keeps: the lowest level printed (nil: none), and `dbt.log`'s level, format and folder.
    struct LogSettings: Sendable {
        var stdout: LogEvent.Level?
        var file: LogEvent.Level?
        var fileFormat: Format
        var folder: String
        /// The size at which `dbt.log` rolls over (0: never).
        var maxBytes: Int
    }

    /// The invocation's logging state, shared by the copies of a console: its ID, the levels, and `dbt.log`
    /// once it is open. Events before that wait in memory (a bounded number) and are written when it opens.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var invocationID = UUID().uuidString.lowercased()
        private var stdoutLevel: LogEvent.Level? = .info
        private var fileLevel: LogEvent.Level? = .debug
        private var fileFormat: Format = .debug
        private var file: FileHandle?
        private var waiting: [(date: Date, event: LogEvent)] = []
        private static let waitingLimit = 10_000

        /// The invocation's ID: made when the console is, given to the project loader.
        var id: String { lock.withLock { invocationID } }

        /// Whether standard output shows an event of `level`.
        func shows(_ level: LogEvent.Level) -> Bool {
            lock.withLock { stdoutLevel.map { level >= $0 } ?? false }
        }

        func apply(_ settings: LogSettings) {
            lock.withLock {
                stdoutLevel = settings.stdout
                fileLevel = settings.file
                fileFormat = settings.fileFormat
            }
        }

        /// Opens `<folder>/dbt.log` for appending, writes dbt's invocation header (debug format) and what waited.
        func open(_ settings: LogSettings, invocationID: String) throws {
            guard settings.file != nil else { return lock.withLock { waiting = [] } }
            let path = (settings.folder as NSString).appendingPathComponent("dbt.log")
            do {
                try FileManager.default.createDirectory(atPath: settings.folder, withIntermediateDirectories: true)
                try Log.rollOver(path, atBytes: settings.maxBytes)
                if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                try handle.seekToEnd()
                let pending: [(date: Date, event: LogEvent)] = lock.withLock {
                    file = handle
                    self.invocationID = invocationID
                    defer { waiting = [] }
                    return waiting
                }
                if settings.fileFormat != .json {
                    let rule = String(repeating: "=", count: 30)
                    writeToFile("\n\n\(rule) \(Console.clock(Date())) | \(invocationID) \(rule)")
                }
                for (date, event) in pending { record(event, at: date) }
            } catch {
                throw DBTError(.usage, "cannot write the log file \(path): \(error.localizedDescription)")
            }
        }

        /// As dbt's rotating log: a file of `limit` bytes or more becomes `dbt.log.1` (`.1` becomes `.2`, up to `.5`,
        /// the oldest dropped). Checked when an invocation opens the file, not while it writes.
        private static func rollOver(_ path: String, atBytes limit: Int) throws {
            let files = FileManager.default
            guard limit > 0, let size = (try? files.attributesOfItem(atPath: path))?[.size] as? Int, size >= limit else { return }
            let oldest = path + ".5"
            if files.fileExists(atPath: oldest) { try files.removeItem(atPath: oldest) }
            for index in stride(from: 4, through: 1, by: -1) where files.fileExists(atPath: path + ".\(index)") {
                try files.moveItem(atPath: path + ".\(index)", toPath: path + ".\(index + 1)")
            }
            try files.moveItem(atPath: path, toPath: path + ".1")
        }

        /// Keeps `event` in `dbt.log` when its level is kept there (or until the file opens); `clean`'s lines
        /// never, as dbt keeps them out.
        func record(_ event: LogEvent, at date: Date) {
            guard event.kind != .confirmCleanPath else { return }
            let (open, level, format): (Bool, LogEvent.Level?, Format) = lock.withLock {
                if file == nil, waiting.count < Log.waitingLimit { waiting.append((date, event)) }
                return (file != nil, fileLevel, fileFormat)
            }
            guard open, let level, event.level >= level else { return }
            writeToFile(Console.line(event, format: format, at: date, invocationID: id, colored: false))
        }

        private func writeToFile(_ line: String) {
            lock.withLock { file?.write(Data(SecretMask.process.apply(line + "\n").utf8)) }
        }
    }

    /// One event as a line of `format`: dbt's plain line, its debug line, or its JSON object. Colours are
    /// taken out where `colored` is false (log files).
    static func line(_ event: LogEvent, format: Format, at date: Date, invocationID: String, colored: Bool) -> String {
        var message = event.message
        // (A regular expression per line cost more than writing it: only lines holding an escape are searched.)
        if !colored, message.utf8.contains(0x1B) { message = message.replacing(#/\u{1B}\[[0-9;]*m/#, with: "") }
        switch format {
        case .text, .default:
            return Console.timestamp() + "  " + message
        case .debug:
            let level = event.level.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
            // dbt's debug format: the level padded to 5, the thread name cut or padded to 10 (`Thread-1 (`).
            let thread = String(event.thread.prefix(10)).padding(toLength: 10, withPad: " ", startingAt: 0)
            return "\(clock(date)) [\(level)] [\(thread)]: \(message)"
        case .json:
            var plain = event
            plain.message = message
            return plain.jsonLine(invocationID: invocationID, at: date)
        }
    }

    /// `06:27:03.338208`: the time of day with microseconds, as dbt's debug lines start.
    static func clock(_ date: Date) -> String {
        String(LogEvent.timestamp(date).split(separator: "T").last ?? "")
    }
}
