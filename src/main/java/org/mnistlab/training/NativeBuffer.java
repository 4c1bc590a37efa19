package org.mnistlab.training;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float memory outside the Java heap, seen both as a pointer (what OpenBLAS takes) and as a buffer
 * (for bulk copies to and from Java arrays, where the elementwise loops run: a loop over a direct
 * buffer stays scalar and ran 5–10× slower than the same loop over an array).
 *
 * @param owner the ND4J array that owns the memory, closed with this buffer when {@code owned}
 */
record NativeBuffer(INDArray owner, FloatPointer pointer, FloatBuffer buffer, boolean owned) implements AutoCloseable {

    /** Fresh memory, zeroed, that this buffer owns. */
    static NativeBuffer zeros(long length) {
        INDArray array = Nd4j.zeros(DataType.FLOAT, length);
        return new NativeBuffer(array, (FloatPointer) array.data().addressPointer(), array.data().asNioFloat(), true);
    }

    /** The memory of someone else's packed float array (the network's parameters); never closed here. */
    static NativeBuffer of(INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.offset() != 0) {
            throw new IllegalArgumentException("expected a packed float array");
        }
        return new NativeBuffer(array, (FloatPointer) array.data().addressPointer(), array.data().asNioFloat(), false);
    }

    /** A pointer to element {@code offset}, for a BLAS call on part of the memory. */
    FloatPointer at(long offset) {
        return new FloatPointer(pointer).position(offset);
    }

    @Override
    public void close() {
        if (owned) owner.close();
    }
}
