/**
 * The JavaFX window: a thin face over the engine. Each panel (a sub-package) is a view plus a
 * view-model; a view-model holds JavaFX properties and commands, knows no view and is tested with
 * plain JUnit. {@code LabView} builds the panels and gives them their collaborators: the
 * {@code TaskExecutor} for background work, the trainer, the file dialogs.
 *
 * <p>Threads: views and view-models live on the FX thread. Long work (loading, training,
 * evaluation, files) runs as a {@code BackgroundTask} on the executor it was given and never on
 * the FX thread; its result comes back on the FX thread. May depend on every engine package;
 * nothing in the engine or the CLI depends on this one ({@code ArchitectureTest}).
 */
package org.mnistlab.ui;
