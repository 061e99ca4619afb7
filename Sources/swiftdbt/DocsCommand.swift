import Foundation
import ArgumentParser
import SwiftDBT

/// `swiftdbt docs`: the documentation site.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "docs", abstract: "Generate or serve the documentation site.",
                                                    subcommands: [DocsGenerateCommand.self, DocsServeCommand.self])
}

/// `swiftdbt docs generate`: compiles the project, reads the database's description of every relation,
/// and writes `target/manifest.json`, `target/catalog.json` and `target/index.html`.
struct DocsGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write the manifest, the catalog and the docs site.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: SelectionOptions

    @Flag(help: "Write an empty catalog without connecting to the database.")
    var emptyCatalog = false

    @Flag(name: .customLong("static"), help: "Also write target/static_index.html, one file holding the whole site.")
    var staticPage = false

    func run() throws {
        Console.run(format: project.logFormat) { console in
            var args = InvocationArgs("generate", project: project, selection: selection)
            args.emptyCatalog = emptyCatalog
            args.staticPage = staticPage
            try Self.generate(try project.load(console: console), selection: selection, args: args, console: console)
        }
    }

    /// Writes the site of `loaded` as `args` ask (`--empty-catalog`, `--static`), the catalog limited to `selection`,
    /// and `run_results.json` with `args` (also when a node does not compile: `retry` then generates again).
    static func generate(_ loaded: LoadedProject, selection: SelectionOptions, args: InvocationArgs, console: Console) throws {
        let started = Date()
        let compilable = loaded.manifest.nodes.filter { [.model, .test, .analysis, .snapshot].contains($0.resourceType) }.map(\.uniqueID)
        let results: [NodeResult]
        do {
            results = try CompileTask.results(loaded, selected: compilable)
        } catch {
            try RunResultsWriter.write([], loaded: loaded, elapsed: Date().timeIntervalSince(started), args: args)
            throw error
        }
        let compiled = Dictionary(uniqueKeysWithValues: results.compactMap { result in result.compiledCode.map { (result.uniqueID, $0) } })
        let limited = selection.select.isEmpty && selection.exclude.isEmpty && selection.selector == nil ? nil
            : Set(try selection.select(in: loaded, types: [.model, .seed, .snapshot, .source], console: console))
        var connection: (any DatabaseConnection)?
        if !args.emptyCatalog {
            guard let adapter = ProjectOptions.adapters.factory(for: loaded.session.target.type) as? any ExecutionAdapter else {
                throw DBTError(.project, "the '\(loaded.session.target.type)' adapter cannot connect to a database")
            }
            connection = try adapter.connect(loaded.session.target, projectRoot: loaded.session.project.root)
        }
        let catalog = try CatalogWriter.write(loaded, selected: limited, connection: connection)
        try DocsSite.write(loaded, compiled: compiled, catalog: catalog)
        if args.staticPage { try DocsSite.write(loaded, compiled: compiled, catalog: catalog, fileName: "static_index.html") }
        try RunResultsWriter.write(results.filter { limited?.contains($0.uniqueID) ?? true }, loaded: loaded,
                                   elapsed: Date().timeIntervalSince(started), args: args)
        let target = TargetPaths(loaded.session.project)
        console.info("Catalog written to \(target.file("catalog.json")) (\(catalog.count) relations)")
        console.info("Docs site written to \(target.file(args.staticPage ? "static_index.html" : "index.html"))")
    }
}

/// `swiftdbt docs serve`: serves `target/` (the generated site) over HTTP, on loopback unless told otherwise.
struct DocsServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the docs site from the target folder.")

    @OptionGroup var project: ProjectOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8080

    @Option(help: "The address to listen on (default: $DBT_HOST, or 127.0.0.1).")
    var host = FlagVariables().text("DBT_HOST") ?? "127.0.0.1"

    @Flag(help: "Do not open a web browser.")
    var noBrowser = false

    func run() throws {
        Console.run(format: project.logFormat) { console in
            let projectFile = try ProjectLoader.projectFile(LoadOptions(projectDirectory: project.projectDirectory, vars: project.vars))
            let root = TargetPaths(projectFile).root
            guard FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent("index.html")) else {
                throw DBTError(.usage, "there is no \(root)/index.html to serve; run `swiftdbt docs generate` first")
            }
            let server = DocsServer(root: root, host: host, port: port)
            let (listener, bound) = try server.listen()
            let address = "http://\(host):\(bound)/"
            console.info("Serving docs at \(address) (press Ctrl+C to stop)")
            if !noBrowser { Browser.open(address) }
            server.serve(listener)
        }
    }
}

/// Opens a URL in the desktop's browser when there is one (`xdg-open`, or `open` on macOS); silently does nothing otherwise.
enum Browser {
    static func open(_ address: String) {
        for tool in ["/usr/bin/xdg-open", "/usr/bin/open"] where FileManager.default.isExecutableFile(atPath: tool) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = [address]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try? process.run()
            return
        }
    }
}
