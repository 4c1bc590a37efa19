package org.mnistlab.training;

/**
 * The learning rate training ran at from {@code examplesSeen} examples on, until the next point:
 * the rate curve is a staircase, one step wherever a schedule or a change by hand moved it.
 */
public record RatePoint(long examplesSeen, double learningRate) {}
