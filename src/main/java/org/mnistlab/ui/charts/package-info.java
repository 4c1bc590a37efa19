/**
 * The learning curves: every run of the session ({@code RunHistory} of {@code RecordedRun}s), drawn
 * overlaid in its own colour, the run list (show, hide, remove) and the PNG/CSV exports
 * ({@code ChartsViewModel}).
 *
 * <p>Threads: everything here lives on the FX thread. The training panel appends a frame's points
 * to a run at most ~30 times a second; {@code ChartsView} redraws when the run's {@code revision}
 * changes. An export copies the runs on the FX thread, writes the file on a background task, and
 * announces the result back on the FX thread.
 */
package org.mnistlab.ui.charts;
