#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro Swift cannot import: the bound text is copied by SQLite.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

/// sqlite3_config is variadic, which Swift cannot call. Turns off SQLite's memory statistics, whose
/// process-wide mutex every allocation takes; effective only before SQLite initializes.
static inline int csqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
