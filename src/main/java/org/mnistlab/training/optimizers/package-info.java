/**
 * The fast path's optimisers: one class per DL4J updater, each the same update rule as DL4J's own
 * (libnd4j's kernels for SGD, Nesterov, Adam, RMSProp, AdaGrad, AdaDelta, AdaMax and Nadam; the
 * lab's {@link org.mnistlab.network.SgdMomentum} for classic momentum) over plain float arrays,
 * behind the small {@link org.mnistlab.training.optimizers.Optimizer} interface and its lifecycle.
 * Each reads its hyperparameters, learning-rate schedule included, from the DL4J updater config
 * the network was built with, so both engines follow one setting.
 *
 * <p>Depends on ND4J's updater configs and {@code network}; nothing else.
 */
package org.mnistlab.training.optimizers;
