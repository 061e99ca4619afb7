/*
 * Records every SQL statement a process prepares through SQLite, for the chain benchmark's replay.
 *
 * Loaded with LD_PRELOAD, it wraps sqlite3_prepare_v2: each statement SQLite compiled is appended to the
 * file named by $SWIFTDBT_SQL_TRACE as its byte length on one line, then its text and a line break.
 * Statements SQLite prepares for itself (reading its schema, inside a prepare or a step) are left out:
 * sqlite3_step is wrapped too, and only calls made outside both are recorded.
 * run.py builds it with `cc -shared -fPIC -O2 -o sql_trace.so sql_trace.c -ldl` and replays the file
 * through Python's sqlite3 module to time the SQL alone.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*prepare_function)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **);
typedef int (*step_function)(sqlite3_stmt *);

/* How deep the calling thread is inside SQLite's prepare and step. */
static __thread int depth;

int sqlite3_step(sqlite3_stmt *statement) {
    static step_function real;
    if (!real) real = (step_function)dlsym(RTLD_NEXT, "sqlite3_step");
    depth++;
    int code = real(statement);
    depth--;
    return code;
}

int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int bytes, sqlite3_stmt **statement, const char **tail) {
    static prepare_function real;
    static FILE *out;
    if (!real) real = (prepare_function)dlsym(RTLD_NEXT, "sqlite3_prepare_v2");
    const char *end = NULL;
    depth++;
    int code = real(db, sql, bytes, statement, &end);
    depth--;
    if (tail) *tail = end;
    if (depth > 0 || code != SQLITE_OK || !statement || !*statement) return code;
    if (!out) {
        const char *path = getenv("SWIFTDBT_SQL_TRACE");
        if (!path || !(out = fopen(path, "w"))) return code;
    }
    size_t length = end ? (size_t)(end - sql) : strlen(sql);
    fprintf(out, "%zu\n", length);
    fwrite(sql, 1, length, out);
    fputc('\n', out);
    fflush(out);
    return code;
}
