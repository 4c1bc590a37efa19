/**
 * "My digits": the drawings a student kept from the pad ("Keep this drawing as a …"), as a grid
 * with the current model's reading of each, misread ones first; correcting a label, deleting a
 * drawing, importing and exporting the set as a zip, and "Train with my digits" for the next runs.
 *
 * <p>Threads: the set is read, written and scored on background tasks ({@code TaskExecutor});
 * results arrive on the FX thread. Scoring follows the model ({@code LatestOnly}: during a run,
 * only the newest epoch's reading is shown).
 */
package org.mnistlab.ui.mydigits;
