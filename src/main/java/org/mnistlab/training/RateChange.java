package org.mnistlab.training;

/** A learning-rate change during a run: it took effect before {@code examplesSeen} examples. */
public record RateChange(long examplesSeen, double learningRate) {}
