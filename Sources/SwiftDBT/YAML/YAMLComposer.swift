import CYaml
import Jinja

/// Composes one YAML document from libYAML's events (the libYAML that Yams carries) into a `YAMLNode`, as
/// PyYAML (which dbt reads YAML with) composes it: a key written twice in a mapping keeps its first place and
/// its last value, and is reported in `duplicates` (Yams' own composer refuses such a document). Nodes are
/// built on an explicit stack, nesting and alias expansion within `ValueNesting` and `AliasExpansion` limits.
struct YAMLComposer {
    private let path: String
    private(set) var duplicates: [YAMLFastReader.DuplicateKey] = []
    /// Anchored nodes, their node counts (what an alias copies) and their text when scalar (a key).
    private var anchors: [String: (node: YAMLNode, size: Int, text: String?)] = [:]
    private var copied = 0
    private var stack: [Frame] = []

    /// A collection being read.
    private struct Frame {
        var location: FileLocation
        var anchor: String?
        var size = 1
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [(key: String, value: YAMLNode)] = []
        /// Where each key is in `pairs`, and where it was written.
        var keys: [String: (index: Int, location: FileLocation)] = [:]
        /// The key read whose value comes next.
        var key: (name: String, location: FileLocation)?
    }

    private init(path: String) {
        self.path = path
    }

    /// The document of `text` (nil when there is none) and the keys written twice in its mappings.
    static func compose(_ text: String, path: String) throws -> (node: YAMLNode?, duplicates: [YAMLFastReader.DuplicateKey]) {
        var composer = YAMLComposer(path: path)
        var bytes = text
        let node = try bytes.withUTF8 { try composer.document($0, text: text) }
        return (node, composer.duplicates)
    }

    private mutating func document(_ bytes: UnsafeBufferPointer<UInt8>, text: String) throws -> YAMLNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw DBTError(.project, "invalid YAML: out of memory", at: FileLocation(path: path, line: 1, column: 1))
        }
        defer {
            yaml_parser_delete(parser)
            parser.deallocate()
        }
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        var root: YAMLNode?
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError(parser.pointee, text: text) }
            defer { yaml_event_delete(&event) }
            let location = self.location(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw DBTError(.project, "invalid YAML: but found another document (expected a single document in the stream)",
                                   at: location, sourceLine: SourceText.line(location.line, of: text))
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let kind = scalar.style == YAML_PLAIN_SCALAR_STYLE ? YAMLScalar.resolve(value) : .scalar(.string(value))
                let node = YAMLNode(kind: kind, location: location)
                if let anchor = Self.string(scalar.anchor) { anchors[anchor] = (node, 1, value) }
                if let done = try add(node, size: 1, text: value) { root = done }
            case YAML_ALIAS_EVENT:
                guard let name = Self.string(event.data.alias.anchor), let anchored = anchors[name] else {
                    throw DBTError(.project, "invalid YAML: found undefined alias", at: location,
                                   sourceLine: SourceText.line(location.line, of: text))
                }
                copied += anchored.size
                if copied > AliasExpansion.maxNodes {
                    throw DBTError.yamlLimit("aliases expand to more than \(AliasExpansion.maxNodes) nodes", at: location)
                }
                if let done = try add(anchored.node, size: anchored.size, text: anchored.text) { root = done }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if let parent = stack.last, parent.isMapping, parent.key == nil {
                    throw DBTError(.project, "mapping keys must be strings", at: location,
                                   sourceLine: SourceText.line(location.line, of: text))
                }
                if ValueNesting.exceeded(stack.count) {
                    throw DBTError.yamlLimit("nesting deeper than \(ValueNesting.maxDepth) levels", at: location)
                }
                let anchor = Self.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                stack.append(Frame(location: location, anchor: anchor, isMapping: isMapping))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                let node = YAMLNode(kind: frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), location: frame.location)
                if let anchor = frame.anchor { anchors[anchor] = (node, frame.size, nil) }
                if let done = try add(node, size: frame.size, text: nil) { root = done }
            default:
                continue
            }
        }
    }

    /// Adds a finished node to the collection being read; the node itself when it is the document's root.
    private mutating func add(_ node: YAMLNode, size: Int, text: String?) throws -> YAMLNode? {
        guard var frame = stack.popLast() else { return node }
        frame.size += size
        if !frame.isMapping {
            frame.items.append(node)
        } else if let key = frame.key {
            frame.key = nil
            if let earlier = frame.keys[key.name] {
                frame.pairs[earlier.index].value = node
                duplicates.append(YAMLFastReader.DuplicateKey(key: key.name, first: earlier.location, second: key.location))
            } else {
                frame.keys[key.name] = (frame.pairs.count, key.location)
                frame.pairs.append((key.name, node))
            }
        } else {
            guard let text else { throw DBTError(.project, "mapping keys must be strings", at: node.location) }
            frame.key = (text, node.location)
        }
        stack.append(frame)
        return nil
    }

    private func location(_ mark: yaml_mark_t) -> FileLocation {
        FileLocation(path: path, line: mark.line + 1, column: mark.column + 1)
    }

    private func syntaxError(_ parser: yaml_parser_t, text: String) -> DBTError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable document"
        guard parser.error != YAML_READER_ERROR, parser.error != YAML_MEMORY_ERROR else {
            return DBTError(.project, "invalid YAML: " + problem, at: FileLocation(path: path, line: 1, column: 1))
        }
        let context = parser.context.map { " (" + String(cString: $0) + ")" } ?? ""
        let mark = location(parser.problem_mark)
        return DBTError(.project, "invalid YAML: " + problem + context, at: mark, sourceLine: SourceText.line(mark.line, of: text))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

extension YAMLComposer {
    /// The limit on nodes copied through aliases in one document: far above any real project's use of anchors
    /// (a few hundred nodes each), far below what exhausts memory (~100 MB); a 4 KB "billion laughs" file would
    /// otherwise expand to a billion nodes.
    enum AliasExpansion {
        static let maxNodes = 1_000_000
    }
}
