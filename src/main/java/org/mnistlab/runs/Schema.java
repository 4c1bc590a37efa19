package org.mnistlab.runs;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, built by one migration per version. A file records its version in
 * SQLite's {@code user_version} and that it is a lab store in {@code application_id}: both sit in
 * the file's header, so a newer file is recognised without changing a byte of it.
 *
 * <p>To change the schema, append a migration; never edit one that has shipped, since files out
 * there were made by it. Times are milliseconds since 1970 (UTC); text is UTF-8.
 */
final class Schema {
    /** "MNLB": marks the file as an MNIST Lab run store, for the lab and for tools like {@code file}. */
    static final int APPLICATION_ID = 0x4D4E4C42;

    /** Migration i brings a file from version i to version i + 1. */
    private static final List<String[]> MIGRATIONS = List.of(
            // 1: runs and their points
            new String[] {
                """
                CREATE TABLE runs (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: run 12 is always the same run
                  name TEXT NOT NULL,
                  note TEXT NOT NULL DEFAULT '',
                  summary TEXT NOT NULL,                -- the spec in one line, readable without the app
                  spec_json TEXT NOT NULL,
                  data_json TEXT NOT NULL,
                  app_version TEXT NOT NULL,
                  started_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL,          -- the last write of points: the end of an interrupted run
                  ended_at INTEGER,
                  ending TEXT NOT NULL,                 -- running, finished, stopped, diverged, stopped_early, interrupted
                  message TEXT NOT NULL DEFAULT '',
                  owner TEXT,                           -- the process recording a running run: pid:start-millis
                  epochs_completed INTEGER NOT NULL DEFAULT 0,
                  examples_seen INTEGER NOT NULL DEFAULT 0,
                  final_test_loss REAL,
                  final_test_accuracy REAL,
                  best_test_accuracy REAL,
                  best_epoch INTEGER,
                  deleted_by TEXT                       -- set while a delete can still be undone
                )""",
                """
                CREATE TABLE train_points (
                  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  examples_seen INTEGER NOT NULL,
                  loss REAL NOT NULL,
                  PRIMARY KEY (run_id, examples_seen)
                ) WITHOUT ROWID""",
                """
                CREATE TABLE evaluation_points (
                  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  epoch INTEGER NOT NULL,
                  batch INTEGER NOT NULL,
                  examples_seen INTEGER NOT NULL,
                  test_loss REAL NOT NULL,
                  test_accuracy REAL NOT NULL,
                  end_of_epoch INTEGER NOT NULL
                )""",
                "CREATE INDEX evaluation_points_run ON evaluation_points(run_id, examples_seen)",
                """
                CREATE TABLE rate_changes (
                  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  examples_seen INTEGER NOT NULL,
                  learning_rate REAL NOT NULL
                )""",
                "CREATE INDEX rate_changes_run ON rate_changes(run_id, examples_seen)",
            },
            // 2: the trained models, in a table of their own so that listing runs never reads a blob
            new String[] {
                """
                CREATE TABLE run_models (
                  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
                  epoch INTEGER NOT NULL,   -- the epoch after which it was saved
                  model_zip BLOB NOT NULL   -- an MNIST Lab model file (ModelFile), byte for byte
                )""",
                "CREATE INDEX runs_newest ON runs(started_at DESC)",
            },
            // 3: the validation split's measurements, and the training accuracy on its fixed sample;
            // NULL where a run held no validation images (every run before this version)
            new String[] {
                "ALTER TABLE evaluation_points ADD COLUMN validation_loss REAL",
                "ALTER TABLE evaluation_points ADD COLUMN validation_accuracy REAL",
                "ALTER TABLE evaluation_points ADD COLUMN train_accuracy REAL",
                "ALTER TABLE runs ADD COLUMN best_validation_accuracy REAL",
                "ALTER TABLE runs ADD COLUMN best_validation_epoch INTEGER",
            });

    static final int CURRENT_VERSION = MIGRATIONS.size();

    private Schema() {}

    /** Brings the open file from {@code from} to {@code to}, each version in its own transaction. */
    static void migrate(Connection connection, int from, int to) throws SQLException {
        for (int version = from; version < to; version++) {
            int next = version + 1;
            List<String> statements = List.of(MIGRATIONS.get(version));
            RunStore.transaction(connection, () -> {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements) statement.execute(sql);
                    statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                    statement.execute("PRAGMA user_version = " + next);
                }
            });
        }
    }
}
