package org.mnistlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;

/**
 * A model as the bytes of its model file, the form the store keeps it in: the same zip that
 * {@link ModelFile} saves, so a blob written out with any SQLite tool is a model file the lab opens.
 */
final class ModelBlobs {
    private ModelBlobs() {}

    static byte[] toBytes(TrainedModel model, Double testAccuracy) {
        Path temp = null;
        try {
            temp = Files.createTempFile("mnistlab-run-model", ".zip");
            ModelFile.save(model, testAccuracy, temp);
            return Files.readAllBytes(temp);
        } catch (IOException e) {
            throw new RunStoreException("the run's model could not be written (" + e.getMessage() + ")", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** @param name how messages call it, e.g. "the model of run 12" */
    static ModelFile.Loaded fromBytes(byte[] zip, String name) {
        Path temp = null;
        try {
            temp = Files.createTempFile("mnistlab-run-model", ".zip");
            Files.write(temp, zip);
            return ModelFile.read(temp);
        } catch (IOException e) {
            throw new RunStoreException(name + " could not be read (" + e.getMessage() + ")", e);
        } catch (org.mnistlab.LabException e) {
            throw new RunStoreException(name + " could not be read (" + e.getMessage().replace(temp.toString(), "the stored zip") + ")", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) return;
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a temporary file left in the system's temp folder
        }
    }
}
