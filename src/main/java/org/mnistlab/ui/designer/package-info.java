/**
 * The network designer: hidden layers and every training setting as editable fields, presets, a
 * live summary and diagram. {@code DesignerViewModel.check()} reads the fields as a
 * {@code NetworkSpec} (or the field at fault), and Train is enabled through {@code canTrain()}.
 *
 * <p>Threads: FX thread only; nothing here runs in the background. The training panel locks the
 * architecture while a run is under way and forwards learning-rate changes from {@code check()}.
 */
package org.mnistlab.ui.designer;
