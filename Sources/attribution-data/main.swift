import Foundation

/// Writes the attribution project's raw tables as CSV, deterministically for a seed, with
/// planted truths the data tests check (planted first/last touches, 30-minute session gaps,
/// referrers, and a week where Google click IDs go missing).
guard let options = Options(CommandLine.arguments) else { exit(2) }
do {
    try FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
    var generator = try DataGenerator(options)
    generator.run()
    print("attribution-data: wrote \(options.users) users to \(options.out)")
} catch {
    print("attribution-data: \(error)")
    exit(1)
}
