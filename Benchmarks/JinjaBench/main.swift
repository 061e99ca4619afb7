import Foundation
import Jinja

/// Times parsing and rendering of a typical model template; run with
/// `swift run -c release jinja-bench [iterations] [parse|render|both]`.
let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 20_000
let phase = CommandLine.arguments.dropFirst(2).first ?? "both"
let environment = Environment()

func timePerCall(_ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    let batch = max(1, iterations / 10)
    for _ in 0..<10 {
        let start = ContinuousClock.now
        for _ in 0..<batch { try body() }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        samples.append(seconds / Double(batch) * 1e6)
    }
    return samples.sorted()[samples.count / 2]
}

do {
    let macros = try environment.parse(macroTemplate, name: "macros/attribution.sql")
    let model = try environment.parse(modelTemplate, name: "models/mart.sql")
    var context: [String: Value] = [
        "config": .function("config") { _, _ in .string("") },
        "ref": .function("ref") { arguments, _ in .string("\"main\".\"\(arguments.positional.first?.str ?? "")\"") },
    ]
    for macro in macros.macros { context[macro.name] = .macro(macro) }

    let output = try environment.render(model, context)
    let lines = modelTemplate.split(separator: "\n", omittingEmptySubsequences: false).count
    // Parsed templates are kept, as a project load keeps them: teardown is not part of parsing.
    var kept: [Template] = []
    kept.reserveCapacity(iterations)
    let parse = phase == "render" ? 0 : try timePerCall { kept.append(try environment.parse(modelTemplate, name: "models/mart.sql")) }
    let render = phase == "parse" ? 0 : try timePerCall { _ = try environment.render(model, context) }
    print("template: \(lines) lines, \(kept.count) parses kept, \(modelTemplate.utf8.count) bytes; output \(output.utf8.count) bytes")
    print(String(format: "parse:  %.2f µs per template (median of 10 batches of %d)", parse, iterations / 10))
    print(String(format: "render: %.2f µs per template (median of 10 batches of %d)", render, iterations / 10))
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
