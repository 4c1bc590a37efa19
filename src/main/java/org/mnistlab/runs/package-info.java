/**
 * The lab notebook: every training run kept across restarts in one SQLite database in the user's
 * data folder ({@link org.mnistlab.runs.RunStore#FILE_NAME} under
 * {@link org.mnistlab.storage.UserFolders#dataFolder()}).
 *
 * <ul>
 *   <li>{@link org.mnistlab.runs.RunStore}: opens the file (creating, migrating, refusing a newer
 *       one, moving a foreign one aside) and reads and writes runs with plain JDBC.
 *   <li>{@link org.mnistlab.runs.Schema}: the versioned schema, one migration per version, in code.
 *   <li>{@link org.mnistlab.runs.RunRecorder}: a {@code TrainingListener} that buffers a run's points
 *       on the training thread and writes them in one transaction every few seconds and at each
 *       epoch's end, so a 20-epoch run costs tens of transactions, not thousands.
 * </ul>
 *
 * <p>Why SQLite: it is the usual file format of desktop apps, survives a kill mid-write (WAL
 * journal), lets two copies of the lab write through its own locking, and a teacher can open it
 * with any SQLite tool. The trained model is kept inside the database as the model-file zip
 * (a blob in its own table, so listing runs never reads it): one file then holds everything, an
 * export or a backup is one file, and no model can be orphaned or lost beside it.
 *
 * <p>Depends on {@code network}, {@code training}, {@code storage}, {@code data} and the SQLite JDBC
 * driver; never on JavaFX. The window calls it only from background tasks.
 */
package org.mnistlab.runs;
