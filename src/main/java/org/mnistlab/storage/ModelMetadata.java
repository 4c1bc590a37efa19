package org.mnistlab.storage;

import org.mnistlab.network.NetworkSpec;

/**
 * What MNIST Lab adds to DL4J's model zip, as {@value ModelFile#METADATA_ENTRY}.
 *
 * @param formatVersion bumped whenever an older app could misread the file
 * @param testAccuracy measured when saved, or null if unknown
 */
public record ModelMetadata(int formatVersion, NetworkSpec spec, Double testAccuracy) {}
