package org.mnistlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompactNumbersTest {
    @ParameterizedTest
    @CsvSource({"0, 0", "125, 125", "0.25, 0.25", "10000, 10k", "12500, 12.5k", "20000, 20k",
        "1250000, 1.25M", "3000000, 3M", "-5000, -5k"})
    void tickLabelsAreShort(double value, String label) {
        assertEquals(label, new CompactNumbers().toString(value));
    }
}
