/// What one `ExecutePlan` call runs: SQL text read back as rows (the plan's root relation), or SQL text run
/// for its effect (a SQL command, which Spark runs at once).
enum SparkPlan {
    case query(String)
    case command(String)

    var message: Spark_Connect_Plan {
        var plan = Spark_Connect_Plan()
        switch self {
        case .query(let sql):
            plan.root = SparkPlan.relation(sql)
        case .command(let sql):
            var command = Spark_Connect_SqlCommand()
            command.input = SparkPlan.relation(sql)
            plan.command.sqlCommand = command
        }
        return plan
    }

    private static func relation(_ sql: String) -> Spark_Connect_Relation {
        var relation = Spark_Connect_Relation()
        relation.sql.query = sql
        return relation
    }
}
