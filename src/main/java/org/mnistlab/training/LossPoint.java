package org.mnistlab.training;

/** One batch's training loss, at the number of examples seen when it was measured (the curves' x axis). */
public record LossPoint(long examplesSeen, double loss) {}
