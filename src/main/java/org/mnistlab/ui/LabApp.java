package org.mnistlab.ui;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mnistlab.data.MnistData;
import org.mnistlab.data.MnistLoader;
import org.mnistlab.mydigits.MyDigitsStore;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.runs.RunStore;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.storage.UserFolders;

/**
 * The lab window. Opens at once; MNIST and the default model load in the background while the
 * status bar shows progress, and controls that need data wait for it.
 */
public class LabApp extends Application {
    /** Where the data comes from; tests swap in a small subset. */
    private final Supplier<MnistData> dataSource;
    private final FileDialogs dialogs;
    /** The run store to open; null keeps runs only in the window (most window tests). */
    private final Path runStore;
    /** The student's kept digits; null keeps them only in the window (window tests). */
    private final MyDigitsStore myDigits;
    private final FxTaskExecutor background = FxTaskExecutor.threadPerTask();
    private LabView view;
    private LabContext context;

    public LabApp() {
        this(MnistLoader::loadBundled, FileDialogs.SYSTEM, RunStore.defaultFile(), MyDigitsStore.inDataFolder());
    }

    public LabApp(Supplier<MnistData> dataSource) {
        this(dataSource, FileDialogs.SYSTEM);
    }

    public LabApp(Supplier<MnistData> dataSource, FileDialogs dialogs) {
        this(dataSource, dialogs, null);
    }

    public LabApp(Supplier<MnistData> dataSource, FileDialogs dialogs, Path runStore) {
        this(dataSource, dialogs, runStore, null);
    }

    /** @param myDigits where kept digits go; null keeps them only in this window */
    public LabApp(Supplier<MnistData> dataSource, FileDialogs dialogs, Path runStore, MyDigitsStore myDigits) {
        this.dataSource = dataSource;
        this.dialogs = dialogs;
        this.runStore = runStore;
        this.myDigits = myDigits;
    }

    /**
     * JavaFX's general logger, where its start-up warns. Held so that it keeps its filter:
     * java.util.logging forgets loggers nobody references.
     */
    private static final java.util.logging.Logger JAVAFX = java.util.logging.Logger.getLogger("javafx");

    public static void launchWindow(String[] args) {
        // JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'"
        // whenever it runs from the class path. The jar runs it from there on purpose (Main is no
        // Application, so the CLI starts without JavaFX; target/lib holds the platform's jars), and
        // the warning only tells a student something they cannot act on. PlatformImpl writes it to
        // the logger named "javafx" (com.sun.javafx.util.Logging.getJavaFXLogger, not a logger named
        // after the class: setting that one's level silenced nothing, in the relaunched JVM or any),
        // and that logger carries JavaFX's other warnings too: only this one line is dropped.
        JAVAFX.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(LabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        context = new LabContext(dialogs);
        reportUncaughtExceptions(context);
        view = new LabView(context, dataSource, background, runStore, myDigits);
        Scene scene = new Scene(view.root(), 1360, 860);
        scene.getStylesheets().add(LabApp.class.getResource("lab.css").toExternalForm());
        stage.setTitle("MNIST Lab");
        var icon = LabApp.class.getResourceAsStream("/assets/icons/mnist-lab.png");
        if (icon != null) stage.getIcons().add(new javafx.scene.image.Image(icon));
        stage.setMinWidth(1000);
        stage.setMinHeight(700);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> view.shutdown());
        stage.show();
        WindowWatch.startIfOnX11(() -> {
            view.shutdown();
            Platform.exit();
        });
        view.status().show("Loading MNIST…", -1);
        afterFirstFrame(() -> loadInBackground(context));
    }

    /**
     * Runs {@code start} once the window has drawn its first frame. Reading MNIST and starting ND4J
     * keep both of a laptop's cores busy for a second or two; started before the first frame, they
     * starve the FX thread and the window stays blank white for that long. After it, the panels
     * are on screen at once, saying what they wait for ("Loading MNIST…").
     */
    private static void afterFirstFrame(Runnable start) {
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // Called before each frame is drawn: the second call comes after the first was.
                if (++frames < 2) return;
                stop();
                start.run();
            }
        }.start();
    }

    /** The shared state, for tests that check what the window holds (null before start). */
    LabContext context() {
        return context;
    }

    @Override
    public void stop() {
        if (view != null) view.shutdown();
        background.awaitIdle(2000); // a pad reading or an evaluation still under way ends first
    }

    /**
     * A bug on any thread (an event handler, a background thread without its own failure path)
     * reaches the log and a notice instead of vanishing into standard error.
     */
    private static void reportUncaughtExceptions(LabContext context) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            Runnable show = () -> context.report("Something went wrong (" + thread.getName() + ")", error);
            if (Platform.isFxApplicationThread()) {
                show.run();
            } else {
                Platform.runLater(show);
            }
        });
    }

    /** MNIST first, then the default model: one after the other, as both are large reads. */
    private void loadInBackground(LabContext context) {
        BackgroundTask.wrap(dataSource::get).named("lab-loader").onSuccess(data -> {
            context.data().set(data);
            view.status().showIdle();
            loadDefaultModel(context);
        }).onFailure(error -> {
            context.report("Could not load MNIST", error);
            view.status().showIdle();
            loadDefaultModel(context);
        }).executeWith(background);
    }

    private void loadDefaultModel(LabContext context) {
        BackgroundTask.wrap(() -> {
            // Saves interrupted in an earlier session leave hidden .partial files; clear old ones first.
            ModelFile.removeStaleTemporaryFiles(UserFolders.modelsFolder());
            return ModelFile.loadBundledDefault().model();
        }).named("lab-loader").onSuccess(model -> {
            if (context.model().get() == null) {
                context.useModel(model, "the bundled default model (" + model.spec().architecture() + ")");
            }
        }).onFailure(error -> context.report(
                "The bundled default model could not be loaded; train a network to use the drawing pad", error))
                .executeWith(background);
    }
}
