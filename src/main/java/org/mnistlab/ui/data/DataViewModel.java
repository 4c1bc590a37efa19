package org.mnistlab.ui.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mnistlab.data.MnistData;
import org.mnistlab.data.MnistLoader;
import org.mnistlab.ui.BackgroundTask;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.TaskExecutor;

/**
 * Which MNIST the lab trains on: the bundled copy, or a folder the user picks. A folder is read
 * in the background; if it cannot be used, the data in use stays and a notice says why.
 */
public final class DataViewModel {
    private static final String BUNDLED = "bundled MNIST";

    private final LabContext context;
    private final Supplier<MnistData> bundled;
    private final TaskExecutor executor;
    private final StringProperty source = new SimpleStringProperty(BUNDLED);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final StringBinding description;
    private final BooleanBinding usingBundled = source.isEqualTo(BUNDLED);

    public DataViewModel(LabContext context, Supplier<MnistData> bundled, TaskExecutor executor) {
        this.context = context;
        this.bundled = bundled;
        this.executor = executor;
        description = Bindings.createStringBinding(() -> {
            MnistData data = context.data().get();
            if (loading.get()) return "Reading " + source.get() + "…";
            if (data == null) return "Loading " + source.get() + "…";
            return String.format(Locale.ROOT, "%s: %,d training and %,d test images", source.get(),
                    data.train().count(), data.test().count());
        }, source, loading, context.data());
    }

    public void useFolder(Path folder) {
        load(folder.toString(), folder, () -> MnistLoader.loadFolder(folder));
    }

    public void useBundled() {
        load(BUNDLED, null, bundled);
    }

    private void load(String name, Path folder, Supplier<MnistData> reader) {
        if (loading.get()) return;
        loading.set(true);
        BackgroundTask.wrap(reader::get).named("lab-data-loader").onSuccess(data -> {
            loading.set(false);
            source.set(name);
            context.dataFolder().set(folder);
            context.data().set(data);
        }).onFailure(error -> {
            loading.set(false);
            context.report("Could not use " + name + "; still training on " + source.get(), error);
        }).executeWith(executor);
    }

    /** E.g. "bundled MNIST: 60,000 training and 10,000 test images". */
    public StringBinding description() {
        return description;
    }

    public ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    /** True while the lab trains on the MNIST that comes with it. */
    public BooleanBinding usingBundled() {
        return usingBundled;
    }
}
