/**
 * Training: the {@link org.mnistlab.training.Trainer}, the events it reports to a
 * {@link org.mnistlab.training.TrainingListener}, and the {@link org.mnistlab.training.TrainingControl}
 * that pauses, stops or re-tunes a run from another thread. {@code DivergenceDetector} decides when a
 * run has blown up, {@code Checkpoints} keeps its last good {@link org.mnistlab.training.Checkpoint}
 * (at most two copies of the parameters and optimiser state) and
 * {@link org.mnistlab.training.Trainer#resumingFrom} goes on from one at another rate. The speed path trains dense networks
 * with hand-written forward and backward passes on the DL4J network's own memory, in small pieces:
 * {@code FastPath} (the step: gather → forward → loss → backward → update), {@code ActivationFunction}
 * (each activation's forward and derivative side by side), {@code ParameterLayout} (where W and b of
 * each layer sit in DL4J's flat array), {@code LayerBuffers} and {@code NativeBuffer} (its working
 * memory), {@code InvertedDropout} (DL4J's dropout), and the optimisers in
 * {@code training.optimizers}; {@link org.mnistlab.training.StepProfile} says where its time goes.
 *
 * <p>Depends on {@code data}, {@code network}, {@code evaluation}, {@code backend}, DL4J and the OpenBLAS that ND4J
 * loads; never on JavaFX. Listeners are called on the training thread: a UI copies what it needs
 * and returns at once.
 */
package org.mnistlab.training;
