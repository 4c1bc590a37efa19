package org.mnistlab.data;

/** MNIST's two halves: the images a network learns from and the ones it is judged on. */
public record MnistData(DigitSet train, DigitSet test) {}
