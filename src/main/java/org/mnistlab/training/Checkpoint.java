package org.mnistlab.training;

/**
 * A run as it was after {@code step} batches, in memory: enough to go on from there in the same run
 * ({@link Trainer#resumingFrom}). Plain float copies, so it outlives the run's network.
 *
 * @param step batches trained before it was taken (the iteration a schedule reads)
 * @param epoch the epoch it falls in (1-based)
 * @param nextBatch the batch of {@code epoch} that comes next (1-based)
 * @param examplesSeen images trained on before it
 * @param epochsCompleted whole epochs before it
 * @param learningRate the rate set when it was taken
 * @param params the network's flattened parameters, as DL4J lays them out
 * @param updaterState the optimiser's state in DL4J's layout (empty for plain SGD)
 */
public record Checkpoint(int step, int epoch, int nextBatch, long examplesSeen, int epochsCompleted,
        double learningRate, float[] params, float[] updaterState) {

    /** Bytes it holds: the parameters and the optimiser state, four bytes a float. */
    public long bytes() {
        return 4L * (params.length + updaterState.length);
    }
}
