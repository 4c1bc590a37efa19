package org.mnistlab.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class HugePagesTest {

    @Test
    void collapsingOntoHugePagesKeepsEveryValue() {
        // 16 MB, not aligned to a huge page: the collapse copies the pages, and must copy them whole.
        float[] values = new float[4_000_000];
        for (int i = 0; i < values.length; i++) values[i] = i * 0.5f - 7;
        INDArray array = Nd4j.create(values, new long[] {4_000_000}, DataType.FLOAT);

        HugePages.advise(array);

        assertArrayEquals(values, array.toFloatVector());
    }

    @Test
    void smallArraysAreLeftAlone() {
        assertFalse(HugePages.advise(Nd4j.zeros(DataType.FLOAT, 1000)));
    }
}
