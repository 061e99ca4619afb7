import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import GRPCProtobuf

/// One gRPC channel to a Spark Connect server, for Spark session `sessionID`: the calls the adapter makes,
/// without generated service stubs (each call names its method and uses the protobuf coders).
final class SparkClient: Sendable {
    private let grpc: GRPCClient<HTTP2ClientTransport.Posix>
    /// The `authorization` header when the profile has a token.
    private let metadata: Metadata
    /// The session's id (``SparkSharedSession``'s) and its user.
    let sessionID: String
    private let user: Spark_Connect_UserContext
    private let trace = SparkTrace()

    private static let service = "spark.connect.SparkConnectService"
    private static let executePlan = MethodDescriptor(fullyQualifiedService: service, method: "ExecutePlan")
    private static let interruptCall = MethodDescriptor(fullyQualifiedService: service, method: "Interrupt")
    private static let releaseSession = MethodDescriptor(fullyQualifiedService: service, method: "ReleaseSession")
    private static let clientType = "swiftdbt"
    /// Interrupting and releasing wait this long at most: neither may hold up the end of a run.
    private static let shortCall: CallOptions = {
        var options = CallOptions.defaults
        options.timeout = .seconds(10)
        return options
    }()

    init(endpoint: SparkEndpoint, sessionID: String) throws {
        let transport = try HTTP2ClientTransport.Posix(target: .dns(host: endpoint.host, port: endpoint.port),
                                                       transportSecurity: endpoint.useSSL ? .tls : .plaintext)
        let grpc = GRPCClient(transport: transport)
        self.grpc = grpc
        Task { try? await grpc.runConnections() }
        var metadata = Metadata()
        if let token = endpoint.token { metadata.addString("Bearer \(token)", forKey: "authorization") }
        self.metadata = metadata
        self.sessionID = sessionID
        var user = Spark_Connect_UserContext()
        user.userID = ProcessInfo.processInfo.environment["USER"] ?? "swiftdbt"
        user.userName = user.userID
        self.user = user
    }

    deinit {
        grpc.beginGracefulShutdown()
    }

    /// Runs `plan` as operation `operationID` and collects the Arrow IPC streams it answers with, in order.
    func execute(_ plan: Spark_Connect_Plan, operationID: String) async throws -> [Data] {
        var request = Spark_Connect_ExecutePlanRequest()
        request.sessionID = sessionID
        request.userContext = user
        request.plan = plan
        request.clientType = SparkClient.clientType
        request.operationID = operationID
        let started = trace.start()
        let (batches, first) = try await grpc.serverStreaming(
            request: ClientRequest(message: request, metadata: metadata), descriptor: SparkClient.executePlan,
            serializer: ProtobufSerializer<Spark_Connect_ExecutePlanRequest>(),
            deserializer: ProtobufDeserializer<Spark_Connect_ExecutePlanResponse>(), options: .defaults
        ) { response in
            var batches: [Data] = []
            var first: ContinuousClock.Instant?
            for try await message in response.messages {
                if started != nil && first == nil { first = .now }
                if case .arrowBatch(let batch)? = message.responseType { batches.append(batch.data) }
            }
            return (batches, first)
        }
        if started != nil {
            var statement = plan.command.sqlCommand.input.sql.query
            if case .root(let relation)? = plan.opType { statement = relation.sql.query }
            trace.end("ExecutePlan", statement, started: started, first: first)
        }
        return batches
    }

    /// Asks the server to stop operation `operationID` of this session.
    func interrupt(operationID: String) async throws {
        var request = Spark_Connect_InterruptRequest()
        request.sessionID = sessionID
        request.userContext = user
        request.clientType = SparkClient.clientType
        request.interruptType = .operationID
        request.operationID = operationID
        let started = trace.start()
        defer { trace.end("Interrupt", nil, started: started, first: nil) }
        try await grpc.unary(request: ClientRequest(message: request, metadata: metadata), descriptor: SparkClient.interruptCall,
                             serializer: ProtobufSerializer<Spark_Connect_InterruptRequest>(),
                             deserializer: ProtobufDeserializer<Spark_Connect_InterruptResponse>(),
                             options: SparkClient.shortCall) { _ in }
    }

    /// Ends the session on the server.
    func release() async throws {
        var request = Spark_Connect_ReleaseSessionRequest()
        request.sessionID = sessionID
        request.userContext = user
        request.clientType = SparkClient.clientType
        let started = trace.start()
        defer { trace.end("ReleaseSession", nil, started: started, first: nil) }
        try await grpc.unary(request: ClientRequest(message: request, metadata: metadata), descriptor: SparkClient.releaseSession,
                             serializer: ProtobufSerializer<Spark_Connect_ReleaseSessionRequest>(),
                             deserializer: ProtobufDeserializer<Spark_Connect_ReleaseSessionResponse>(),
                             options: SparkClient.shortCall) { _ in }
    }
}
