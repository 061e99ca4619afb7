import Foundation
import SQLiteAdapter
import XCTest

final class SQLiteInterruptTests: XCTestCase {
    /// Set from the test thread, read by the interrupting thread.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var raised = false
        var isRaised: Bool { lock.withLock { raised } }
        func raise() { lock.withLock { raised = true } }
    }

    func testALongQueryIsInterruptedFromAnotherThread() throws {
        let directory = try makeTemporaryDirectory(for: self)
        let connection = try SQLiteConnection.open(path: directory.appendingPathComponent("db.sqlite").path)
        let handle = connection.interruptHandle
        let finished = Flag()
        // Interrupts until the query ends: a single early call could land before the query starts.
        let interrupter = Thread {
            while !finished.isRaised {
                Thread.sleep(forTimeInterval: 0.05)
                handle.interrupt()
            }
        }
        interrupter.start()
        defer { finished.raise() }
        let start = ContinuousClock.now
        XCTAssertThrowsError(try connection.prepare("""
            with recursive n(i) as (select 1 union all select i + 1 from n where i < 5000000000)
            select count(*) from n
            """).rows()) { error in
            XCTAssertEqual((error as? SQLiteError)?.resultCode, 9)  // SQLITE_INTERRUPT
        }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(10))
        // The connection works again afterwards.
        finished.raise()
        Thread.sleep(forTimeInterval: 0.1)
        XCTAssertEqual(try connection.prepare("select 1").rows(), [[1]])
    }

    func testInterruptAfterCloseDoesNothing() throws {
        let directory = try makeTemporaryDirectory(for: self)
        var connection: SQLiteConnection? = try SQLiteConnection.open(
            path: directory.appendingPathComponent("db.sqlite").path)
        let handle = try XCTUnwrap(connection?.interruptHandle)
        connection = nil
        handle.interrupt()
    }
}
