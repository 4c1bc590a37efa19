package org.mnistlab.ui.training;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.RateFinder;
import org.mnistlab.training.RateFinding;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.ui.BackgroundTask;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.TaskExecutor;
import org.mnistlab.ui.designer.DesignerViewModel;

/**
 * "Find a learning rate": the range test of the designer's network, on the training thread
 * (never beside a run), and "Use this rate", which puts a suggested rate into the designer. The
 * test trains a fresh network of the designer's settings, so no run and no model is touched.
 */
public final class RateFinderViewModel {
    /** Runs the test on the training thread; tests give a scripted one. */
    @FunctionalInterface
    public interface Finder {
        RateFinding find(NetworkSpec spec, MnistData data, TrainingControl control);

        Finder RANGE_TEST = (spec, data, control) -> new RateFinder(spec, data.train(), data.test()).run(control);
    }

    private final LabContext context;
    private final DesignerViewModel designer;
    private final TaskExecutor trainingThread;
    private final Finder finder;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<RateFinding> finding = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canFind;
    private TrainingControl control;

    /** @param trainingRunning true while a run trains: the test waits for the training thread otherwise */
    public RateFinderViewModel(LabContext context, DesignerViewModel designer, TaskExecutor trainingThread,
            Finder finder, ObservableBooleanValue trainingRunning) {
        this.context = context;
        this.designer = designer;
        this.trainingThread = trainingThread;
        this.finder = finder;
        canFind = Bindings.createBooleanBinding(() -> designer.canTrain().get() && !running.get()
                && !trainingRunning.get(), designer.canTrain(), running, trainingRunning);
    }

    public void find() {
        if (!canFind.get()) return;
        NetworkSpec spec = designer.check().get().spec();
        MnistData data = context.data().get();
        TrainingControl runControl = new TrainingControl();
        control = runControl;
        running.set(true);
        finding.set(null);
        context.showDone("Range test of " + spec.architecture() + ": the rate grows from 1e-6 until the loss "
                + "blows up (up to one epoch)…");
        BackgroundTask.wrap(() -> finder.find(spec, data, runControl))
                .named("lab-rate-finder")
                .onSuccess(found -> {
                    running.set(false);
                    finding.set(found);
                    context.dismissNotice();
                })
                .onFailure(error -> {
                    running.set(false);
                    context.report("The range test failed", error);
                })
                .executeWith(trainingThread);
    }

    /** Stops the test after its current batch; what it measured so far is still shown. */
    public void cancel() {
        if (control != null) control.cancel();
    }

    /** Puts {@code rate} (one of the suggestions) into the designer's learning rate. */
    public void use(double rate) {
        if (!(rate > 0)) return;
        designer.learningRate().set(NetworkSpec.formatNumber(Double.parseDouble(
                String.format(java.util.Locale.ROOT, "%.2g", rate))));
        context.showDone("The learning rate is now " + designer.learningRate().get() + ", from the range test.");
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    /** The last test's result; null before the first and while one runs. */
    public ReadOnlyObjectProperty<RateFinding> finding() {
        return finding.getReadOnlyProperty();
    }

    public BooleanBinding canFind() {
        return canFind;
    }
}
