#!/usr/bin/env bash
# Regenerates Sources/SparkAdapter/Protocol/spark_connect.pb.swift from spark_connect.proto (our own declaration of
# the Spark Connect messages the adapter uses). Not run by CI: the generated file is committed.
# Needs protoc (Debian: protobuf-compiler) and protoc-gen-swift of the swift-protobuf version Package.swift names,
# built once outside the repository, e.g.:
#   git clone --branch 1.39.0 https://github.com/apple/swift-protobuf /tmp/protoc-gen-swift-build/swift-protobuf
#   (cd /tmp/protoc-gen-swift-build/swift-protobuf && swift build -c release --product protoc-gen-swift)
set -euo pipefail
cd "$(dirname "$0")/.."
plugin=${PROTOC_GEN_SWIFT:-/tmp/protoc-gen-swift-build/swift-protobuf/.build/release/protoc-gen-swift}
[ -x "$plugin" ] || { echo "generate-spark-protocol.sh: protoc-gen-swift not found at $plugin (set PROTOC_GEN_SWIFT)" >&2; exit 1; }
protoc --plugin=protoc-gen-swift="$plugin" \
    --proto_path=Sources/SparkAdapter/Protocol \
    --swift_opt=Visibility=Internal \
    --swift_out=Sources/SparkAdapter/Protocol \
    spark_connect.proto
