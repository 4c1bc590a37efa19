/**
 * The headless face of the engine: {@code train}, {@code evaluate}, {@code predict}, {@code bench}
 * and {@code info}. Exit codes: 0 success, 1 a failure (bad file, diverged run), 2 a bad command
 * line. User mistakes print one line, never a stack trace.
 *
 * <p>Depends on every engine package; never on JavaFX.
 */
package org.mnistlab.cli;
