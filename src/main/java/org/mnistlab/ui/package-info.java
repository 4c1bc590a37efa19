/**
 * The JavaFX window: a thin face over the engine. Each panel is a view plus a view-model; long
 * work runs in {@code javafx.concurrent} tasks and never on the FX thread.
 */
package org.mnistlab.ui;
