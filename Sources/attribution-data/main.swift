import Foundation

/// attribution-data: writes the raw CSVs of the attribution project (PostHog events and persons, backend users,
/// Stytch fingerprints, user agents, subscriptions, ad spend), deterministic for a seed, streamed to disk.
///
///     attribution-data [--users 2000] [--seed 42] [--out seeds/]
let usage = "usage: attribution-data [--users N] [--seed N] [--out DIRECTORY]"

var users = 2000
var seed: UInt64 = 42
var directory = "seeds"
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard flag != "--help" && flag != "-h" else { print(usage); exit(0) }
    guard let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("\(flag) needs a value\n\(usage)\n".utf8)); exit(2)
    }
    switch flag {
    case "--users": users = Int(value) ?? -1
    case "--seed": seed = UInt64(value) ?? 0
    case "--out": directory = value.hasSuffix("/") && value.count > 1 ? String(value.dropLast()) : value
    default: FileHandle.standardError.write(Data("unknown option \(flag)\n\(usage)\n".utf8)); exit(2)
    }
}
guard users > 0 else { FileHandle.standardError.write(Data("--users must be a positive number\n".utf8)); exit(2) }

do {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let out = try Output(directory: directory, seed: seed)
    var planted = Planted(out: out)
    planted.run()
    Generator(users: users, seed: seed, out: out).run()
    try out.close()
    print(out.summary)
} catch {
    FileHandle.standardError.write(Data("attribution-data: \(error)\n".utf8))
    exit(1)
}
