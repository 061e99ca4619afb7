#!/usr/bin/env python3
"""Writes the Arrow IPC stream fixtures of Tests/ArrowIPCTests/Fixtures with pyarrow, the reference
implementation, and records in expected.json what pyarrow reads back from each file: the schema
(field names, pyarrow's type names, nullability) and every cell as text, so that the Swift reader's
result can be compared exactly. Cells: null, "true"/"false", integers in decimal, floating point
numbers as the 16 hex digits of their IEEE 754 double bits (float16 and float32 widened), decimals in
plain notation, binary as hex, dates, times, timestamps and durations as the integer pyarrow casts
them to; lists, structs (fields in order) and maps (key/value pairs) as JSON arrays.
Usage: python3 -m venv /tmp/arrow-venv && /tmp/arrow-venv/bin/pip install pyarrow
       /tmp/arrow-venv/bin/python scripts/record-arrow-fixtures.py
With --spark (in a venv with `pyspark[connect]` 4.x and Java 17) it instead records what a Spark Connect
server sends for a query of every Spark type into spark-connect*.arrows and expected-spark.json."""
import datetime
import decimal
import json
import os
import struct
import sys

import pyarrow as pa
import pyarrow.ipc as ipc

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "ArrowIPCTests", "Fixtures")
D = decimal.Decimal
TEMPORAL_AS_INT = {
    pa.types.is_date32: pa.int32(), pa.types.is_date64: pa.int64(), pa.types.is_time32: pa.int32(),
    pa.types.is_time64: pa.int64(), pa.types.is_timestamp: pa.int64(), pa.types.is_duration: pa.int64(),
}


def cell(value, typ):
    """One to_pylist value of type `typ`, rendered as described above."""
    if value is None:
        return None
    if pa.types.is_dictionary(typ):
        return cell(value, typ.value_type)
    if pa.types.is_boolean(typ):
        return "true" if value else "false"
    if pa.types.is_integer(typ):
        return str(value)
    if pa.types.is_floating(typ):
        return "%016x" % struct.unpack("<Q", struct.pack("<d", float(value)))[0]
    if pa.types.is_decimal(typ):
        return format(value, "f")
    if pa.types.is_string(typ) or pa.types.is_large_string(typ):
        return value
    if pa.types.is_binary(typ) or pa.types.is_large_binary(typ) or pa.types.is_fixed_size_binary(typ):
        return value.hex()
    if pa.types.is_list(typ) or pa.types.is_large_list(typ) or pa.types.is_fixed_size_list(typ):
        return [cell(item, typ.value_type) for item in value]
    if pa.types.is_struct(typ):
        return [cell(value[typ.field(i).name], typ.field(i).type) for i in range(typ.num_fields)]
    if pa.types.is_map(typ):
        return [[cell(k, typ.key_type), cell(v, typ.item_type)] for k, v in value]
    raise TypeError("no rendering for %s" % typ)


def column_cells(column):
    for is_type, integer in TEMPORAL_AS_INT.items():
        if is_type(column.type):
            return [None if v is None else str(v) for v in column.cast(integer).to_pylist()]
    return [cell(v, column.type) for v in column.to_pylist()]


def field_json(field):
    out = {"name": field.name, "nullable": field.nullable}
    if pa.types.is_dictionary(field.type):
        out["type"] = str(field.type.value_type)
        out["index"] = str(field.type.index_type)
    else:
        out["type"] = str(field.type)
    return out


def write(name, schema, batches, options=None):
    path = os.path.join(OUT, name)
    with open(path, "wb") as sink:
        with ipc.new_stream(sink, schema, options=options) as writer:
            for batch in batches:
                writer.write_batch(batch)
    return path


def expect_table(name, path):
    """What pyarrow reads back from the file (not what was meant to be written)."""
    with open(path, "rb") as source:
        table = ipc.open_stream(source).read_all()
    return {
        "file": name, "rows": table.num_rows,
        "schema": [field_json(f) for f in table.schema],
        "columns": [column_cells(table.column(i).combine_chunks()) for i in range(table.num_columns)],
    }


def table_fixture(name, columns, batches=1, options=None):
    """Writes `columns` (name -> pa.Array) as `batches` record batches of (nearly) equal size."""
    batch = pa.record_batch(list(columns.values()), names=list(columns.keys()))
    size = -(-batch.num_rows // batches) if batch.num_rows else 0
    parts = [batch.slice(i * size, size) for i in range(batches)] if batches > 1 else [batch]
    return expect_table(name, write(name, batch.schema, parts, options))


def fixtures():
    out = []
    floats = [0.0, -0.0, 1.5, -2.25, 3.4028234663852886e38, 1e-45, float("inf"), float("-inf"), float("nan"), None]
    out.append(table_fixture("primitives.arrows", {
        "n": pa.nulls(10),
        "b": pa.array([True, False, None, True, False, False, True, True, True, False]),
        "i8": pa.array([-128, 127, 0, None, -1, 1, 2, 3, 4, 5], pa.int8()),
        "i16": pa.array([-32768, 32767, None, 0, -1, 1, 2, 3, 4, 5], pa.int16()),
        "i32": pa.array([-2**31, 2**31 - 1, 0, None, -1, 1, 2, 3, 4, 5], pa.int32()),
        "i64": pa.array([-2**63, 2**63 - 1, 0, -1, None, 1, 2, 3, 4, 5], pa.int64()),
        "u8": pa.array([0, 255, None, 1, 2, 3, 4, 5, 6, 7], pa.uint8()),
        "u16": pa.array([0, 65535, None, 1, 2, 3, 4, 5, 6, 7], pa.uint16()),
        "u32": pa.array([0, 2**32 - 1, None, 1, 2, 3, 4, 5, 6, 7], pa.uint32()),
        "u64": pa.array([0, 2**64 - 1, None, 1, 2, 3, 4, 5, 6, 7], pa.uint64()),
        "f16": pa.array([0.0, -0.0, 1.5, -2.25, 65504.0, 5.960464477539063e-08, float("inf"), float("-inf"), 0.333251953125, None], pa.float16()),
        "f32": pa.array(floats, pa.float32()),
        "f64": pa.array([0.1, -0.0, 1e300, -1e-300, 5e-324, 2.5, float("inf"), float("-inf"), float("nan"), None], pa.float64()),
    }))
    big = D("99999999999999999999999999999999999999")
    out.append(table_fixture("decimals.arrows", {
        "d38_0": pa.array([big, D("-" + str(big)), D(0), None, D("170141183460469231731687303715884105"), D(1), D(-1)], pa.decimal128(38, 0)),
        "d38_10": pa.array([D("9999999999999999999999999999.9999999999"), D("-9999999999999999999999999999.9999999999"),
                            D("0.0000000001"), D("-0.0000000001"), None, D("0"), D("123.45")], pa.decimal128(38, 10)),
        "d5_2": pa.array([D("-1.50"), D("0.05"), D("-0.05"), D("999.99"), D("-999.99"), None, D("0")], pa.decimal128(5, 2)),
        "d4_neg2": pa.array([D("12E+2"), D("-99E+2"), D(0), None, D("1E+2"), D("9999E+2"), D("-1E+2")], pa.decimal128(4, -2)),
    }))
    out.append(table_fixture("strings.arrows", {
        "s": pa.array(["", "a", None, "héllo wörld", "日本語", "emoji 🎉", "line\nbreak\t\"quoted\""]),
        "ls": pa.array(["x", None, "", "long " * 20, "ü", "", "z"], pa.large_string()),
        "bin": pa.array([b"", b"\x00\xff", None, b"abc", b"\x80", b"", b"\x01\x02\x03"]),
        "lbin": pa.array([None, b"", b"\xde\xad\xbe\xef", b"x", b"", b"yz", None], pa.large_binary()),
        "fsb": pa.array([b"abcd", None, b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"wxyz", None, b"1234"], pa.binary(4)),
    }))
    before = datetime.datetime(1969, 7, 20, 20, 17, 40)
    out.append(table_fixture("temporal.arrows", {
        "d32": pa.array([datetime.date(1970, 1, 1), datetime.date(1969, 12, 31), datetime.date(1, 1, 1),
                         datetime.date(9999, 12, 31), None, datetime.date(2024, 2, 29)], pa.date32()),
        "d64": pa.array([0, -86400000, 86400000 * 19000, None, 1, 2], pa.date64()),
        "t32s": pa.array([0, 86399, None, 3600, 1, 2], pa.time32("s")),
        "t32ms": pa.array([0, 86399999, None, 1, 2, 3], pa.time32("ms")),
        "t64us": pa.array([0, 86399999999, None, 1, 2, 3], pa.time64("us")),
        "t64ns": pa.array([0, 86399999999999, None, 1, 2, 3], pa.time64("ns")),
        "ts_s": pa.array([before, datetime.datetime(1970, 1, 1), None, datetime.datetime(2038, 1, 19, 3, 14, 8), before, before], pa.timestamp("s")),
        "ts_ms_utc": pa.array([-1, 0, 1, None, 1700000000123, -62135596800000], pa.timestamp("ms", tz="UTC")),
        "ts_us_tz": pa.array([-1, 0, 1, None, 1700000000123456, -62135596800000000], pa.timestamp("us", tz="Europe/Paris")),
        "ts_us": pa.array([-1, 0, 1, None, 1700000000123456, 253402300799999999], pa.timestamp("us")),
        "ts_ns": pa.array([-1, 0, 1, None, 1700000000123456789, -9223372036854775807], pa.timestamp("ns", tz="+05:30")),
        "dur_us": pa.array([-1, 0, 86400000000, None, 1, 2], pa.duration("us")),
    }))
    out.append(table_fixture("nested.arrows", {
        "l": pa.array([[1, 2, None], [], None, [4], [5, 6], [None]], pa.list_(pa.int64())),
        "ll": pa.array([["a"], None, [], ["", None, "c"], ["d"], ["e", "f"]], pa.large_list(pa.string())),
        "fsl": pa.array([[1, 2], None, [3, None], [5, 6], [7, 8], [9, 10]], pa.list_(pa.int32(), 2)),
        "st": pa.array([{"a": 1, "b": "x"}, None, {"a": None, "b": None}, {"a": 4, "b": ""}, {"a": 5, "b": "y"}, {"a": 6, "b": "z"}],
                       pa.struct([("a", pa.int64()), ("b", pa.string())])),
        "m": pa.array([[("k", 1)], [], None, [("a", None), ("b", 2)], [("c", 3)], [("d", 4)]], pa.map_(pa.string(), pa.int64())),
        "ls": pa.array([[{"x": 1.5}], [], None, [{"x": None}, None], [{"x": 2.0}], [{"x": -0.0}]],
                       pa.list_(pa.struct([("x", pa.float64())]))),
        "ld": pa.array([[D("1.10")], [D("-2.20"), None], None, [], [D("0.00")], [D("9.99")]], pa.list_(pa.decimal128(3, 2))),
    }))
    many = {"id": pa.array(range(25), pa.int64()), "s": pa.array([None if i % 7 == 3 else "row%d" % i for i in range(25)])}
    out.append(table_fixture("batches.arrows", many, batches=4))
    # A zero-row batch between two others, and a stream holding only its schema.
    schema = pa.schema([pa.field("id", pa.int32(), nullable=False), ("s", pa.string())])
    rows = pa.record_batch([pa.array([1, 2], pa.int32()), pa.array(["a", None])], schema=schema)
    empty = pa.record_batch([pa.array([], pa.int32()), pa.array([], pa.string())], schema=schema)
    out.append(expect_table("zero-row-batch.arrows", write("zero-row-batch.arrows", schema, [rows, empty, rows])))
    out.append(expect_table("schema-only.arrows", write("schema-only.arrows", schema, [])))
    # Slices start inside a byte of the validity bitmaps and inside the offsets.
    base = {"i": pa.array([None if i % 3 == 0 else i * 11 for i in range(40)], pa.int64()),
            "b": pa.array([None if i % 5 == 0 else i % 2 == 0 for i in range(40)]),
            "s": pa.array([None if i % 4 == 0 else "v%d" % i for i in range(40)]),
            "l": pa.array([None if i % 6 == 0 else list(range(i % 4)) for i in range(40)], pa.list_(pa.int16())),
            "d": pa.array([None if i % 9 == 0 else D(i) / 4 for i in range(40)], pa.decimal128(6, 2))}
    out.append(table_fixture("sliced.arrows", {name: array.slice(13, 19) for name, array in base.items()}))
    # Dictionary columns: a delta dictionary in the second batch, a replaced one in the third.
    dschema = pa.schema([("city", pa.dictionary(pa.int32(), pa.string())), ("code", pa.dictionary(pa.int8(), pa.int64()))])
    def dbatch(cities, indices, codes, code_indices):
        return pa.record_batch([pa.DictionaryArray.from_arrays(pa.array(indices, pa.int32()), pa.array(cities)),
                                pa.DictionaryArray.from_arrays(pa.array(code_indices, pa.int8()), pa.array(codes, pa.int64()))],
                               schema=dschema)
    dbatches = [dbatch(["Paris", "Oslo"], [0, 1, None, 0], [10, 20], [1, 1, 0, None]),
                dbatch(["Paris", "Oslo", "Lima"], [2, 0, 2], [10, 20], [0, 0, 1]),
                dbatch(["Rome"], [0, None], [30, 40, 50], [2, 1])]
    out.append(expect_table("dictionary.arrows", write("dictionary.arrows", dschema, dbatches,
                                                       ipc.IpcWriteOptions(emit_dictionary_deltas=True))))
    legacy = table_fixture("legacy-framing.arrows", many, batches=2, options=ipc.IpcWriteOptions(use_legacy_format=True))
    out.append(legacy)
    # The same stream without its end-of-stream marker (a reader must stop at the end of the bytes).
    with open(os.path.join(OUT, "batches.arrows"), "rb") as source:
        whole = source.read()
    assert whole[-8:] == b"\xff\xff\xff\xff\x00\x00\x00\x00"
    with open(os.path.join(OUT, "no-eos.arrows"), "wb") as sink:
        sink.write(whole[:-8])
    out.append(dict(out[[f["file"] for f in out].index("batches.arrows")], file="no-eos.arrows"))
    # Refused: types the reader does not decode, compressed buffers.
    out.append(refused("string-view.arrows", {"v": pa.array(["a", None], pa.string_view())},
                       {"unsupportedType": {"type": "utf8_view", "column": "v"}}))
    out.append(refused("nested-unsupported.arrows", {"outer": pa.array([{"inner": [1]}], pa.struct([("inner", pa.list_view(pa.int8()))]))},
                       {"unsupportedType": {"type": "list_view", "column": "outer.inner"}}))
    out.append(refused("zstd.arrows", {"i": pa.array(range(100), pa.int64())}, {"unsupportedFeature": "ZSTD"},
                       ipc.IpcWriteOptions(compression="zstd")))
    out.append(refused("lz4.arrows", {"i": pa.array(range(100), pa.int64())}, {"unsupportedFeature": "LZ4_FRAME"},
                       ipc.IpcWriteOptions(compression="lz4")))
    return out


def refused(name, columns, error, options=None):
    batch = pa.record_batch(list(columns.values()), names=list(columns.keys()))
    write(name, batch.schema, [batch], options)
    return {"file": name, "error": error}


# Every Spark SQL type the reader decodes, a row of values and a row of nulls.
SPARK_QUERY = """
select * from values
  (true, cast(-128 as tinyint), cast(32767 as smallint), -2147483648, cast(9223372036854775807 as bigint),
   cast(1.5 as float), cast(-2.25 as double), cast('-12345678901234567890.123456789012345678' as decimal(38, 18)),
   cast('12.30' as decimal(5, 2)), 'héllo', '', X'00FF', date'1969-07-20', timestamp'1969-07-20 20:17:40.123456',
   timestamp_ntz'2024-02-29 12:00:00', null, array(1, 2, null), named_struct('a', 1, 'b', 'x'), map('k', 1),
   interval '3 04:05:06.000007' day to second),
  (false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
   null, null)
  as t(b, i8, i16, i32, i64, f32, f64, dec38, dec5, s, empty, bin, d, ts, ts_ntz, n, arr, st, m, dti)
"""


def record_spark():
    """Runs SPARK_QUERY on a Spark Connect server of its own (127.0.0.1:15917) and keeps the bytes
    of each arrow batch as the server sent them; pyarrow then reads them back as for the other fixtures."""
    import pyspark
    from pyspark import SparkConf, SparkContext
    from pyspark.sql.connect.session import SparkSession as ConnectSession

    captured = []
    open_stream = ipc.open_stream

    def capture(source, *args, **kwargs):
        if isinstance(source, (bytes, bytearray)):
            captured.append(bytes(source))
        return open_stream(source, *args, **kwargs)

    ipc.open_stream = capture
    # The server runs in a local Spark of this process, on a port of its own (`remote("local")` would
    # connect to whatever listens on the default 15002).
    server = SparkContext(conf=SparkConf().setMaster("local[1]").setAll([
        ("spark.plugins", "org.apache.spark.sql.connect.SparkConnectPlugin"), ("spark.ui.enabled", "false"),
        ("spark.connect.grpc.binding.address", "127.0.0.1"), ("spark.connect.grpc.binding.port", "15917")]))
    spark = ConnectSession.builder.remote("sc://127.0.0.1:15917").getOrCreate()
    spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
    out = []
    try:
        for name, query in [("spark-connect.arrows", SPARK_QUERY), ("spark-connect-empty.arrows", SPARK_QUERY + " where false")]:
            captured.clear()
            try:
                spark.sql(query).toArrow()
            except pa.ArrowInvalid:
                # pyspark's final cast to the Spark schema refuses null children of a null struct
                # (fields declared non-nullable); the batch was captured before.
                pass
            assert len(captured) == 1, "%d arrow batches" % len(captured)
            path = os.path.join(OUT, name)
            with open(path, "wb") as sink:
                sink.write(captured[0])
            out.append(expect_table(name, path))
    finally:
        spark.stop()
        server.stop()
        ipc.open_stream = open_stream
    return {"pyspark": pyspark.__version__, "pyarrow": pa.__version__, "fixtures": out}


def main():
    os.makedirs(OUT, exist_ok=True)
    if sys.argv[1:] == ["--spark"]:
        name, expected = "expected-spark.json", record_spark()
    else:
        name, expected = "expected.json", {"pyarrow": pa.__version__, "fixtures": fixtures()}
    with open(os.path.join(OUT, name), "w") as sink:
        json.dump(expected, sink, indent=1, ensure_ascii=False)
        sink.write("\n")


if __name__ == "__main__":
    main()
