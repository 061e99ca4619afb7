#!/usr/bin/env bash
# A throwaway Spark Connect server for the Spark tests, on a loopback port with its metastore (embedded
# Derby) and warehouse in a temporary folder: `local[2]`, a 2 GB driver.
# Source it: `. scripts/spark.sh start` installs the pinned pyspark into a virtual environment when
# missing (SWIFTDBT_SPARK_VENV, default /tmp/swiftdbt-spark-venv), starts the server, waits until it
# answers and exports SPARK_REMOTE (sc://127.0.0.1:PORT), SPARK_HOST and SPARK_PORT;
# `. scripts/spark.sh stop` stops it and removes its folder. Needs Java 17 or later.

SWIFTDBT_PYSPARK_VERSION=4.3.0

swiftdbt_spark_install() {
    local venv=$1
    if [ "$("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null)" = "$SWIFTDBT_PYSPARK_VERSION" ]; then
        return 0
    fi
    echo "spark.sh: installing pyspark $SWIFTDBT_PYSPARK_VERSION into $venv" >&2
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv" || return 1
    "$venv/bin/python" -m pip install -q "pyspark[connect]==$SWIFTDBT_PYSPARK_VERSION" >&2
}

swiftdbt_spark_start() {
    command -v java >/dev/null 2>&1 || { echo "spark.sh: java not found (install openjdk-17-jre-headless)" >&2; return 1; }
    local venv=${SWIFTDBT_SPARK_VENV:-/tmp/swiftdbt-spark-venv}
    swiftdbt_spark_install "$venv" || return 1
    local home
    home=$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))') || return 1
    SWIFTDBT_SPARK_DIR=$(mktemp -d /tmp/swiftdbt-spark.XXXXXX)
    local port started
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    started=$(date +%s)
    # Run from the folder: Derby and Hive write their files (derby.log, metastore_db) beside the working directory.
    (cd "$SWIFTDBT_SPARK_DIR" && SPARK_HOME=$home SPARK_LOCAL_IP=127.0.0.1 exec "$home/bin/spark-submit" \
        --class org.apache.spark.sql.connect.service.SparkConnectServer \
        --name swiftdbt-test-spark-connect \
        --master 'local[2]' --driver-memory 2g \
        --conf spark.connect.grpc.binding.address=127.0.0.1 \
        --conf "spark.connect.grpc.binding.port=$port" \
        --conf spark.sql.catalogImplementation=hive \
        --conf "spark.sql.warehouse.dir=$SWIFTDBT_SPARK_DIR/warehouse" \
        --conf "spark.hadoop.javax.jdo.option.ConnectionURL=jdbc:derby:;databaseName=$SWIFTDBT_SPARK_DIR/metastore_db;create=true" \
        --conf "spark.driver.extraJavaOptions=-Dderby.system.home=$SWIFTDBT_SPARK_DIR" \
        --conf spark.ui.enabled=false \
        --conf spark.sql.shuffle.partitions=2 \
        spark-internal >"$SWIFTDBT_SPARK_DIR/server.log" 2>&1) &
    echo $! > "$SWIFTDBT_SPARK_DIR/pid"
    export SWIFTDBT_SPARK_DIR
    local waited=0
    until python3 -c "import socket, sys; s=socket.socket(); s.settimeout(1); sys.exit(s.connect_ex(('127.0.0.1', $port)))" 2>/dev/null; do
        if ! kill -0 "$(cat "$SWIFTDBT_SPARK_DIR/pid")" 2>/dev/null || [ "$waited" -ge 300 ]; then
            echo "spark.sh: the Spark Connect server did not start; its log:" >&2
            tail -n 40 "$SWIFTDBT_SPARK_DIR/server.log" >&2
            swiftdbt_spark_stop
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    export SPARK_HOST=127.0.0.1 SPARK_PORT=$port SPARK_REMOTE=sc://127.0.0.1:$port
    echo "Spark Connect test server on 127.0.0.1:$port after $(( $(date +%s) - started )) s (files in $SWIFTDBT_SPARK_DIR)"
}

swiftdbt_spark_stop() {
    [ -n "${SWIFTDBT_SPARK_DIR:-}" ] || return 0
    local pid
    pid=$(cat "$SWIFTDBT_SPARK_DIR/pid" 2>/dev/null)
    if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
        local waited=0
        while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$SWIFTDBT_SPARK_DIR"
    unset SWIFTDBT_SPARK_DIR SPARK_HOST SPARK_PORT SPARK_REMOTE
}

case "${1:-}" in
    start) swiftdbt_spark_start ;;
    stop) swiftdbt_spark_stop ;;
    *) echo "usage: . scripts/spark.sh start|stop" >&2 ;;
esac
