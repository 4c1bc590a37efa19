package org.mnistlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mnistlab.AppVersion;
import org.mnistlab.LabException;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.SpecJson;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.AtomicFile;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.storage.UserFolders;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.RateChange;
import org.mnistlab.training.LossPoint;

/**
 * The run store: one SQLite file holding every run, its points and its model.
 *
 * <p>Opening it creates the file if there is none, migrates an older one, refuses a newer one
 * untouched, and moves a file that is not a lab store aside ({@link #notice()} says where). The
 * file is in WAL mode with {@code synchronous=FULL}: a kill or a power cut at any moment leaves
 * every committed transaction and a file that passes {@code integrity_check}.
 *
 * <p>Two copies of the lab may have it open at once and both write: each writes only its own
 * runs, in short transactions, and SQLite's locking (with a busy timeout) puts them in turn.
 * A rename or a note made in both is last-writer-wins.
 *
 * <p>One connection, used by one thread at a time (every method is synchronized). Never call
 * it on the FX thread: a read of a large run or an export takes tens of milliseconds or more.
 */
public final class RunStore implements AutoCloseable {
    public static final String FILE_NAME = "runs.db";
    /** How long a write waits for another copy of the lab to finish its transaction. */
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final String RUN_COLUMNS = "name, note, summary, spec_json, data_json, app_version, started_at, "
            + "updated_at, ended_at, ending, message, owner, epochs_completed, examples_seen, final_test_loss, "
            + "final_test_accuracy, best_test_accuracy, best_epoch, best_validation_accuracy, best_validation_epoch";
    private static final String EVALUATION_COLUMNS = "epoch, batch, examples_seen, test_loss, test_accuracy, "
            + "end_of_epoch, validation_loss, validation_accuracy, train_accuracy";

    private final Path file;
    private final Connection connection;
    private final String notice;

    private RunStore(Path file, Connection connection, String notice) {
        this.file = file;
        this.connection = connection;
        this.notice = notice;
    }

    /** A system property naming another store file: the build's tests keep theirs under target/. */
    public static final String FILE_PROPERTY = "mnistlab.runStore";

    /** {@value #FILE_NAME} in the user's data folder, unless {@value #FILE_PROPERTY} names another file. */
    public static Path defaultFile() {
        String override = System.getProperty(FILE_PROPERTY);
        return override != null && !override.isBlank() ? Path.of(override) : UserFolders.dataFolder().resolve(FILE_NAME);
    }

    /**
     * Opens (or creates) the store at {@code file}. A file there that is not a lab store is moved
     * aside and a new store started; {@link #notice()} then says so.
     *
     * @throws RunStoreException if the folder or file cannot be written, or the file is from a newer lab
     */
    public static RunStore open(Path file) {
        return open(file.toAbsolutePath(), true);
    }

    private static RunStore open(Path file, boolean moveForeignAside) {
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new RunStoreException(folder + ": the data folder cannot be created (" + describe(e) + ")", e);
        }
        String notice = "";
        StoreFile.Header header = readHeader(file);
        if (header.kind() == StoreFile.Kind.NEWER) throw newerVersion(file, header.version());
        if (header.kind() == StoreFile.Kind.FOREIGN) {
            if (!moveForeignAside) throw notAStore(file);
            notice = moveAside(file, "is not an MNIST Lab run store");
        }
        Connection connection = connect(file);
        try {
            int version;
            try {
                version = checkedVersion(connection, file);
            } catch (SQLException damaged) {
                // SQLITE_NOTADB / SQLITE_CORRUPT: the header looked like SQLite but the file is not readable as one.
                close(connection);
                if (!moveForeignAside) throw notAStore(file);
                notice = moveAside(file, "could not be read as a database (" + damaged.getMessage() + ")");
                connection = connect(file);
                version = 0;
            }
            if (version < 0) {
                close(connection);
                if (!moveForeignAside) throw notAStore(file);
                notice = moveAside(file, "is an SQLite file of another program");
                connection = connect(file);
                version = 0;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = FULL");
            }
            Schema.migrate(connection, version, Schema.CURRENT_VERSION);
            RunStore store = new RunStore(file, connection, notice);
            store.tidyAfterOtherProcesses();
            return store;
        } catch (SQLException e) {
            close(connection);
            throw failure(file + ": the run store cannot be opened", e);
        } catch (RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    /**
     * The schema version of an open file that is a lab store (0 for an empty file), or -1 if it
     * is an SQLite file of another program. Reads only: a refused file is left as it was.
     */
    private static int checkedVersion(Connection connection, Path file) throws SQLException {
        int applicationId = pragmaInt(connection, "application_id");
        int version = pragmaInt(connection, "user_version");
        if (applicationId != Schema.APPLICATION_ID) {
            try (Statement statement = connection.createStatement();
                 ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
                return version == 0 && tables.getInt(1) == 0 ? 0 : -1;
            }
        }
        if (version > Schema.CURRENT_VERSION) throw newerVersion(file, version);
        return version;
    }

    private static StoreFile.Header readHeader(Path file) {
        try {
            return StoreFile.read(file);
        } catch (IOException e) {
            throw new RunStoreException(file + ": cannot be read (" + describe(e) + ")", e);
        }
    }

    private static String moveAside(Path file, String why) {
        try {
            Path moved = StoreFile.moveAside(file);
            return file + " " + why + "; it was moved aside to " + moved.getFileName() + " and a new run store was started";
        } catch (IOException e) {
            throw new RunStoreException(file + " " + why + ", and it cannot be moved aside (" + describe(e) + ")", e);
        }
    }

    private static RunStoreException newerVersion(Path file, int version) {
        return new RunStoreException(file + ": was written by a newer MNIST Lab (run store version " + version
                + "; this version reads up to " + Schema.CURRENT_VERSION + "); it is left as it is");
    }

    private static RunStoreException notAStore(Path file) {
        return new RunStoreException(file + ": is not an MNIST Lab run file");
    }

    private static Connection connect(Path file) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                statement.execute("PRAGMA foreign_keys = ON");
            }
            return connection;
        } catch (SQLException e) {
            throw failure(file + ": the run store cannot be opened", e);
        }
    }

    /**
     * Runs left "running" by a process that is gone were interrupted; deletes that a closed
     * window could no longer undo are carried out.
     */
    private void tidyAfterOtherProcesses() throws SQLException {
        List<Long> interrupted = new ArrayList<>();
        List<String> goneDeleters = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id, owner, deleted_by FROM runs WHERE ending = 'running' OR deleted_by IS NOT NULL")) {
            while (rows.next()) {
                if (rows.getString(2) != null && !Owners.alive(rows.getString(2))) interrupted.add(rows.getLong(1));
                String deleter = rows.getString(3);
                if (deleter != null && !Owners.alive(deleter) && !goneDeleters.contains(deleter)) goneDeleters.add(deleter);
            }
        }
        transaction(() -> {
            for (long id : interrupted) {
                update("UPDATE runs SET ending = 'interrupted', ended_at = updated_at, owner = NULL "
                        + "WHERE id = ? AND ending = 'running'", id);
            }
            for (String deleter : goneDeleters) update("DELETE FROM runs WHERE deleted_by = ?", deleter);
        });
    }

    /** Where the store is. */
    public Path file() {
        return file;
    }

    /** What opening it did that the user should know (a foreign file moved aside), or "". */
    public String notice() {
        return notice;
    }

    // ---- recording a run -------------------------------------------------------------------------

    /** A new run, recorded as running by this process; its name is "Run " and its id. */
    public synchronized long startRun(NetworkSpec spec, DataSource data, Instant startedAt) {
        try {
            long[] id = new long[1];
            transaction(() -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO runs (name, summary, "
                        + "spec_json, data_json, app_version, started_at, updated_at, ending, owner) "
                        + "VALUES ('', ?, ?, ?, ?, ?, ?, 'running', ?)")) {
                    insert.setString(1, spec.summary());
                    insert.setString(2, SpecJson.toJson(spec));
                    insert.setString(3, SpecJson.toJson(data));
                    insert.setString(4, AppVersion.current());
                    insert.setLong(5, startedAt.toEpochMilli());
                    insert.setLong(6, startedAt.toEpochMilli());
                    insert.setString(7, Owners.current());
                    insert.executeUpdate();
                }
                id[0] = lastInsertId();
                update("UPDATE runs SET name = 'Run ' || id WHERE id = ?", id[0]);
            });
            return id[0];
        } catch (SQLException e) {
            throw failure("the run could not be recorded", e);
        }
    }

    /** Points reported since the last write, written in one transaction. */
    public record Progress(List<LossPoint> losses, List<EvaluationPoint> evaluations, List<RateChange> rateChanges,
            int epochsCompleted, long examplesSeen) {}

    public synchronized void append(long runId, Progress progress, Instant now) {
        try {
            transaction(() -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO train_points (run_id, examples_seen, loss) VALUES (?, ?, ?)")) {
                    for (LossPoint point : progress.losses()) {
                        insert.setLong(1, runId);
                        insert.setLong(2, point.examplesSeen());
                        insert.setDouble(3, point.loss());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO evaluation_points "
                        + "(run_id, " + EVALUATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (EvaluationPoint e : progress.evaluations()) {
                        insert.setLong(1, runId);
                        insert.setInt(2, e.epoch());
                        insert.setInt(3, e.batch());
                        insert.setLong(4, e.examplesSeen());
                        insert.setDouble(5, e.testLoss());
                        insert.setDouble(6, e.testAccuracy());
                        insert.setInt(7, e.endOfEpoch() ? 1 : 0);
                        setMeasured(insert, 8, e.validationLoss());
                        setMeasured(insert, 9, e.validationAccuracy());
                        setMeasured(insert, 10, e.trainAccuracy());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO rate_changes (run_id, examples_seen, learning_rate) VALUES (?, ?, ?)")) {
                    for (RateChange change : progress.rateChanges()) {
                        insert.setLong(1, runId);
                        insert.setLong(2, change.examplesSeen());
                        insert.setDouble(3, change.learningRate());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                update("UPDATE runs SET updated_at = ?, epochs_completed = ?, examples_seen = ? WHERE id = ?",
                        now.toEpochMilli(), progress.epochsCompleted(), progress.examplesSeen(), runId);
                if (!progress.evaluations().isEmpty()) updateMetrics(runId);
            });
        } catch (SQLException e) {
            throw failure("the run's points could not be saved", e);
        }
    }

    /** The final metrics are the last test measurement's; the best, the one with the highest accuracy. */
    private void updateMetrics(long runId) throws SQLException {
        update("""
                UPDATE runs SET
                  final_test_loss = (SELECT test_loss FROM evaluation_points WHERE run_id = runs.id
                                     ORDER BY examples_seen DESC LIMIT 1),
                  final_test_accuracy = (SELECT test_accuracy FROM evaluation_points WHERE run_id = runs.id
                                         ORDER BY examples_seen DESC LIMIT 1),
                  best_test_accuracy = (SELECT max(test_accuracy) FROM evaluation_points WHERE run_id = runs.id),
                  best_epoch = (SELECT epoch FROM evaluation_points WHERE run_id = runs.id
                                ORDER BY test_accuracy DESC, examples_seen LIMIT 1),
                  best_validation_accuracy = (SELECT max(validation_accuracy) FROM evaluation_points
                                              WHERE run_id = runs.id AND end_of_epoch = 1),
                  best_validation_epoch = (SELECT epoch FROM evaluation_points
                                           WHERE run_id = runs.id AND end_of_epoch = 1
                                             AND validation_accuracy IS NOT NULL
                                           ORDER BY validation_accuracy DESC, examples_seen LIMIT 1)
                WHERE id = ?""", runId);
    }

    /** A measurement that was not made (NaN) is stored as NULL. */
    private static void setMeasured(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) statement.setNull(index, java.sql.Types.REAL);
        else statement.setDouble(index, value);
    }

    private static double measured(ResultSet row, int index) throws SQLException {
        double value = row.getDouble(index);
        return row.wasNull() ? Double.NaN : value;
    }

    /** Keeps {@code model} (the latest epoch's, or the final one) as the run's model. */
    public synchronized void saveModel(long runId, int epoch, byte[] modelZip) {
        try {
            transaction(() -> {
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT OR REPLACE INTO run_models (run_id, epoch, model_zip) VALUES (?, ?, ?)")) {
                    upsert.setLong(1, runId);
                    upsert.setInt(2, epoch);
                    upsert.setBytes(3, modelZip);
                    upsert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure("the run's model could not be saved", e);
        }
    }

    public synchronized void finish(long runId, RunEnding ending, String message, Instant endedAt) {
        try {
            transaction(() -> update("UPDATE runs SET ending = ?, message = ?, ended_at = ?, updated_at = ?, "
                    + "owner = NULL WHERE id = ?", ending.column(), message, endedAt.toEpochMilli(),
                    endedAt.toEpochMilli(), runId));
        } catch (SQLException e) {
            throw failure("the end of the run could not be saved", e);
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Every run not deleted, newest first. Reads no points and no model. */
    public synchronized List<StoredRun> list() {
        return query("WHERE deleted_by IS NULL ORDER BY started_at DESC, id DESC", null);
    }

    public synchronized Optional<StoredRun> find(long id) {
        return query("WHERE id = ? AND deleted_by IS NULL", id).stream().findFirst();
    }

    /** Like {@link #find}, but a missing run is a {@link RunStoreException} naming it. */
    public StoredRun get(long id) {
        return find(id).orElseThrow(() -> new RunStoreException("there is no run " + id + " in " + file));
    }

    private List<StoredRun> query(String where, Long id) {
        String sql = "SELECT id, " + RUN_COLUMNS + ", EXISTS (SELECT 1 FROM run_models m WHERE m.run_id = runs.id) "
                + "AS has_model FROM runs " + where;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (id != null) select.setLong(1, id);
            List<StoredRun> runs = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) runs.add(storedRun(row));
            }
            return runs;
        } catch (SQLException e) {
            throw failure("the runs could not be read", e);
        }
    }

    private static StoredRun storedRun(ResultSet row) throws SQLException {
        RunEnding ending = RunEnding.fromColumn(row.getString("ending"));
        Long endedAt = nullableLong(row, "ended_at");
        if (ending == RunEnding.RUNNING && !Owners.alive(row.getString("owner"))) {
            ending = RunEnding.INTERRUPTED; // its process died since this store was opened
            endedAt = row.getLong("updated_at");
        }
        NetworkSpec spec;
        try {
            spec = SpecJson.specFromJson(row.getString("spec_json"));
        } catch (LabException unreadable) {
            spec = null;
        }
        DataSource data;
        try {
            data = SpecJson.fromJson(row.getString("data_json"), DataSource.class);
        } catch (LabException unreadable) {
            data = new DataSource("(not readable by this version)", 0, 0, null);
        }
        return new StoredRun(row.getLong("id"), row.getString("name"), row.getString("note"),
                row.getString("summary"), spec, data, row.getString("app_version"),
                Instant.ofEpochMilli(row.getLong("started_at")), endedAt == null ? null : Instant.ofEpochMilli(endedAt),
                ending, row.getString("message"), row.getInt("epochs_completed"), row.getLong("examples_seen"),
                nullableDouble(row, "final_test_loss"), nullableDouble(row, "final_test_accuracy"),
                nullableDouble(row, "best_test_accuracy"), nullableInt(row, "best_epoch"),
                nullableDouble(row, "best_validation_accuracy"), nullableInt(row, "best_validation_epoch"),
                row.getBoolean("has_model"));
    }

    /** The run's curves, in the order they were made. */
    public synchronized RunPoints points(long runId) {
        try {
            List<LossPoint> losses = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT examples_seen, loss FROM train_points WHERE run_id = ? ORDER BY examples_seen")) {
                select.setLong(1, runId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) losses.add(new LossPoint(row.getLong(1), row.getDouble(2)));
                }
            }
            List<EvaluationPoint> evaluations = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + EVALUATION_COLUMNS
                    + " FROM evaluation_points WHERE run_id = ? ORDER BY examples_seen")) {
                select.setLong(1, runId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        evaluations.add(new EvaluationPoint(row.getInt(1), row.getInt(2), row.getLong(3),
                                row.getDouble(4), row.getDouble(5), row.getInt(6) == 1,
                                measured(row, 7), measured(row, 8), measured(row, 9)));
                    }
                }
            }
            List<RateChange> changes = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT examples_seen, learning_rate "
                    + "FROM rate_changes WHERE run_id = ? ORDER BY examples_seen")) {
                select.setLong(1, runId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) changes.add(new RateChange(row.getLong(1), row.getDouble(2)));
                }
            }
            return new RunPoints(losses, evaluations, changes);
        } catch (SQLException e) {
            throw failure("the points of run " + runId + " could not be read", e);
        }
    }

    /** The run's model-file zip, or empty if it has none (stopped before its first epoch ended). */
    public synchronized Optional<byte[]> modelZip(long runId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT model_zip FROM run_models WHERE run_id = ?")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("the model of run " + runId + " could not be read", e);
        }
    }

    /** The run's trained model, loaded; a {@link RunStoreException} if it has none. */
    public ModelFile.Loaded model(long runId) {
        byte[] zip = modelZip(runId).orElseThrow(() -> new RunStoreException(
                "run " + runId + " has no model (it ended before its first epoch did)"));
        return ModelBlobs.fromBytes(zip, "the model of run " + runId);
    }

    /** The bytes of a model file for the store, from a trained model. */
    public static byte[] modelBytes(TrainedModel model, Double testAccuracy) {
        return ModelBlobs.toBytes(model, testAccuracy);
    }

    // ---- editing -------------------------------------------------------------------------------

    /** A blank name gives the run back its default name, "Run " and its id. */
    public synchronized void rename(long runId, String name) {
        String trimmed = name == null ? "" : name.strip();
        edit(runId, trimmed.isEmpty() ? "UPDATE runs SET name = 'Run ' || id WHERE id = ?"
                : "UPDATE runs SET name = ? WHERE id = ?", trimmed.isEmpty() ? new Object[] {runId}
                : new Object[] {trimmed, runId});
    }

    public synchronized void setNote(long runId, String note) {
        edit(runId, "UPDATE runs SET note = ? WHERE id = ?", note == null ? "" : note.strip(), runId);
    }

    /**
     * Hides the run; {@link #undelete} brings it back until this store is closed, which deletes it
     * for good (or, after a crash, the next open does).
     */
    public synchronized void delete(long runId) {
        edit(runId, "UPDATE runs SET deleted_by = ? WHERE id = ?", Owners.current(), runId);
    }

    public synchronized void undelete(long runId) {
        try {
            transaction(() -> update("UPDATE runs SET deleted_by = NULL WHERE id = ?", runId));
        } catch (SQLException e) {
            throw failure("run " + runId + " could not be restored", e);
        }
    }

    private void edit(long runId, String sql, Object... values) {
        try {
            int[] changed = new int[1];
            transaction(() -> changed[0] = update(sql, values));
            if (changed[0] == 0) throw new RunStoreException("there is no run " + runId + " in " + file);
        } catch (SQLException e) {
            throw failure("run " + runId + " could not be changed", e);
        }
    }

    // ---- export and import ----------------------------------------------------------------------

    /**
     * Writes the runs (points, models, names, notes) to {@code target} as a run store of their
     * own, which {@link #importFrom} of another lab reads. The file appears complete or not at all.
     * A run still training is exported with its points so far, as interrupted.
     */
    public synchronized void export(List<Long> runIds, Path target) {
        for (long id : runIds) get(id);
        try {
            Path absolute = target.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            AtomicFile.write(absolute, temp -> {
                try {
                    createPlain(temp);
                    attach(temp, "other");
                    try {
                        transaction(() -> {
                            for (long id : runIds) copyRun("main", "other", id);
                        });
                    } finally {
                        detach("other");
                    }
                } catch (SQLException e) {
                    throw new IOException(failure("the copy failed", e).getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new RunStoreException(target + ": the runs could not be exported (" + describe(e) + ")", e);
        }
    }

    /**
     * Copies every run of an exported file (or another lab's store) into this one, with new ids.
     * The file itself is only read.
     *
     * @return the new ids, in the file's order (oldest first)
     */
    public synchronized List<Long> importFrom(Path source) {
        StoreFile.Header header = readHeader(source);
        if (header.kind() == StoreFile.Kind.NONE) {
            throw new RunStoreException(source + ": " + (Files.exists(source) ? "is empty" : "not found"));
        }
        if (header.kind() == StoreFile.Kind.FOREIGN) throw notAStore(source);
        if (header.kind() == StoreFile.Kind.NEWER) throw newerVersion(source, header.version());
        Path copy = null;
        try {
            // A copy is migrated and tidied, never the user's file; its journal holds any last writes.
            copy = Files.createTempFile("mnistlab-import", ".db");
            Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path wal = source.resolveSibling(source.getFileName() + "-wal");
            if (Files.exists(wal)) Files.copy(wal, copy.resolveSibling(copy.getFileName() + "-wal"));
            try (RunStore opened = open(copy, false)) {
                opened.connection.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            attach(copy, "other");
            try {
                List<Long> ids = new ArrayList<>();
                transaction(() -> {
                    List<Long> sourceIds = new ArrayList<>();
                    try (Statement statement = connection.createStatement();
                         ResultSet rows = statement.executeQuery(
                                 "SELECT id FROM other.runs WHERE deleted_by IS NULL ORDER BY started_at, id")) {
                        while (rows.next()) sourceIds.add(rows.getLong(1));
                    }
                    for (long id : sourceIds) ids.add(copyRun("other", "main", id));
                });
                return ids;
            } finally {
                detach("other");
            }
        } catch (IOException e) {
            throw new RunStoreException(source + ": cannot be imported (" + describe(e) + ")", e);
        } catch (SQLException e) {
            throw failure(source + ": the runs could not be imported", e);
        } finally {
            deleteWithJournals(copy);
        }
    }

    /** One run with its points and model from schema {@code from} to {@code to}; returns its new id. */
    private long copyRun(String from, String to, long id) throws SQLException {
        update("INSERT INTO " + to + ".runs (" + RUN_COLUMNS + ") SELECT "
                + RUN_COLUMNS.replace("ended_at, ending,", "coalesce(ended_at, updated_at), "
                        + "CASE ending WHEN 'running' THEN 'interrupted' ELSE ending END,")
                        .replace("owner,", "NULL,")
                + " FROM " + from + ".runs WHERE id = ?", id);
        long copied = lastInsertId();
        update("INSERT INTO " + to + ".train_points SELECT ?, examples_seen, loss FROM " + from
                + ".train_points WHERE run_id = ?", copied, id);
        update("INSERT INTO " + to + ".evaluation_points (run_id, " + EVALUATION_COLUMNS + ") SELECT ?, "
                + EVALUATION_COLUMNS + " FROM " + from + ".evaluation_points WHERE run_id = ?", copied, id);
        update("INSERT INTO " + to + ".rate_changes SELECT ?, examples_seen, learning_rate FROM " + from
                + ".rate_changes WHERE run_id = ?", copied, id);
        update("INSERT INTO " + to + ".run_models SELECT ?, epoch, model_zip FROM " + from
                + ".run_models WHERE run_id = ?", copied, id);
        return copied;
    }

    /** An empty store in rollback-journal mode: one self-contained file to hand out. */
    private static void createPlain(Path target) throws SQLException {
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + target)) {
            Schema.migrate(plain, 0, Schema.CURRENT_VERSION);
        }
    }

    private void attach(Path other, String schema) throws SQLException {
        try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS " + schema)) {
            attach.setString(1, other.toString());
            attach.execute();
        }
    }

    private void detach(String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DETACH DATABASE " + schema);
        }
    }

    private static void deleteWithJournals(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
            for (Path side : StoreFile.sideFiles(file)) Files.deleteIfExists(side);
        } catch (IOException ignored) {
            // a leftover copy in the system's temp folder
        }
    }

    // ---- checks and closing -----------------------------------------------------------------------

    /** SQLite's own check of the whole file: "ok", or what is wrong. */
    public synchronized String integrityCheck() {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            List<String> lines = new ArrayList<>();
            while (rows.next()) lines.add(rows.getString(1));
            return String.join("\n", lines);
        } catch (SQLException e) {
            throw failure("the run store could not be checked", e);
        }
    }

    /**
     * Caps the file at {@code pages} pages (4 KiB each) for this connection: SQLite then fails
     * exactly as on a full disk, which a test cannot otherwise bring about.
     */
    synchronized void limitSizeForTesting(long pages) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA max_page_count = " + pages);
        }
    }

    synchronized long pageCountForTesting() throws SQLException {
        return pragmaInt(connection, "page_count");
    }

    /** The schema version of the open file. */
    public synchronized int schemaVersion() {
        try {
            return pragmaInt(connection, "user_version");
        } catch (SQLException e) {
            throw failure("the run store could not be read", e);
        }
    }

    /** Deletes for good the runs deleted since opening, then closes the file. */
    @Override
    public synchronized void close() {
        try {
            if (connection.isClosed()) return;
            transaction(() -> update("DELETE FROM runs WHERE deleted_by = ?", Owners.current()));
        } catch (SQLException e) {
            // The deleted runs stay hidden; the next open deletes them.
        } finally {
            close(connection);
        }
    }

    // ---- JDBC helpers ---------------------------------------------------------------------------

    interface SqlWork {
        void run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction. On SQLITE_FULL and some I/O errors SQLite has already
     * rolled back by itself; the original error is the one reported, never the follow-up
     * "no transaction is active".
     */
    private void transaction(SqlWork work) throws SQLException {
        transaction(connection, work);
    }

    static void transaction(Connection connection, SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            attempt(e, connection::rollback);
            attempt(e, () -> connection.setAutoCommit(true));
            throw e;
        }
        connection.setAutoCommit(true);
    }

    private static void attempt(Exception failure, SqlWork cleanUp) {
        try {
            cleanUp.run();
        } catch (SQLException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    private int update(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) statement.setObject(i + 1, values[i]);
            return statement.executeUpdate();
        }
    }

    private long lastInsertId() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT last_insert_rowid()")) {
            return row.getLong(1);
        }
    }

    private static int pragmaInt(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA " + pragma)) {
            return row.getInt(1);
        }
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after a failure; the failure is what gets reported
        }
    }

    /** A failed SQLite call as a message for the user: the disk is full, the file is read-only… */
    static RunStoreException failure(String what, SQLException e) {
        String why = switch (e.getErrorCode() & 0xff) {
            case 13 -> "the disk is full";
            case 8 -> "the file or its folder is read-only";
            case 14 -> "the file cannot be opened for writing";
            case 5, 6 -> "another copy of the lab kept it locked for more than " + BUSY_TIMEOUT_MS / 1000 + " s";
            case 10 -> "a disk error";
            case 11, 26 -> "the file is damaged";
            default -> e.getMessage();
        };
        return new RunStoreException(what + ": " + why, e);
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
