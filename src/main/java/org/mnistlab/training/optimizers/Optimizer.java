package org.mnistlab.training.optimizers;

/**
 * One update rule of the fast path, working in place on plain float arrays laid out as DL4J
 * flattens the parameters.
 *
 * <p>Lifecycle, once per run:
 * <ol>
 *   <li>{@link #start}: once, before the first step, with DL4J's updater state (so a run continues
 *       from a loaded model's moments as {@code fit} would);
 *   <li>each step: {@link #prepare} once with DL4J's iteration and epoch counts (the learning rate,
 *       from the config's schedule, and any bias correction follow them), then {@link #update} on
 *       blocks of parameters that together cover all of them. Blocks never overlap and may run on
 *       different threads at once, so an update is elementwise and keeps no shared scratch;
 *   <li>{@link #saveState}: whenever DL4J's view must be current (a copy after an epoch, a save,
 *       the end of the run), the state written back in DL4J's layout;
 *   <li>{@link #reset}: forgets what was learnt, back to what a freshly initialised DL4J updater holds.
 * </ol>
 *
 * <p>To add one: a class beside {@link AdamOptimizer}, its case in {@link Optimizers#create}, and its
 * line in {@code OptimizerTest} and {@code FastPathTest}.
 */
public interface Optimizer {
    /** Floats of state per parameter: DL4J's updater state is {@code statesPerParameter × count} long. */
    int statesPerParameter();

    /** Copies DL4J's updater state, {@code [slot 0 of every parameter | slot 1 …]}. */
    void start(float[] dl4jState);

    void prepare(int iteration, int epoch);

    /** Moves {@code params[from, to)} one step against {@code gradient[from, to)}, updating the state. */
    void update(float[] params, float[] gradient, int from, int to);

    /** Writes the state in DL4J's layout into {@code dl4jState}. */
    void saveState(float[] dl4jState);

    void reset();
}
