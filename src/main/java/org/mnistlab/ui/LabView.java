package org.mnistlab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.mnistlab.backend.BackendInfo;
import org.mnistlab.data.MnistData;
import org.mnistlab.training.TrainingThread;
import org.mnistlab.ui.charts.ChartsView;
import org.mnistlab.ui.charts.ChartsViewModel;
import org.mnistlab.ui.charts.RunHistory;
import org.mnistlab.ui.charts.RunListViewModel;
import org.mnistlab.ui.data.DataView;
import org.mnistlab.ui.data.DataViewModel;
import org.mnistlab.ui.designer.DesignerView;
import org.mnistlab.ui.designer.DesignerViewModel;
import org.mnistlab.ui.gallery.GalleryView;
import org.mnistlab.ui.gallery.GalleryViewModel;
import org.mnistlab.ui.inside.InsideView;
import org.mnistlab.ui.inside.InsideViewModel;
import org.mnistlab.mydigits.MyDigitsStore;
import org.mnistlab.ui.mydigits.MyDigitsView;
import org.mnistlab.ui.mydigits.MyDigitsViewModel;
import org.mnistlab.ui.pad.DrawingPadView;
import org.mnistlab.ui.pad.ModelFilesViewModel;
import org.mnistlab.ui.pad.PadViewModel;
import org.mnistlab.ui.training.FrameClock;
import org.mnistlab.ui.training.RateFinderView;
import org.mnistlab.ui.training.RateFinderViewModel;
import org.mnistlab.ui.training.RunStarter;
import org.mnistlab.ui.training.SweepView;
import org.mnistlab.ui.training.SweepViewModel;
import org.mnistlab.ui.training.TrainingControlsView;
import org.mnistlab.ui.training.TrainingViewModel;

/**
 * The window's layout: the designer and training buttons on the left; learning curves, sample
 * gallery, the inside of the network, drawing pad and My digits as tabs in the middle; the menu bar on top, notices floating over the
 * top edge; the status bar below. Here the
 * panels are wired to each other and given their collaborators: the task runners and the trainer.
 */
public final class LabView {
    private final BorderPane root = new BorderPane();
    private final StatusBarView status = new StatusBarView();
    private final TrainingViewModel training;
    private final TrainingThread trainingThread = new TrainingThread();
    private final TaskExecutor background;

    private final RunListViewModel runList;
    private boolean shutDown;

    public LabView(LabContext context, Supplier<MnistData> bundledData, TaskExecutor background) {
        this(context, bundledData, background, null);
    }

    /** @param runStore the run store file to open, or null to keep runs only in this window */
    public LabView(LabContext context, Supplier<MnistData> bundledData, TaskExecutor background, Path runStore) {
        this(context, bundledData, background, runStore, null);
    }

    /** @param myDigitsStore the student's set of kept digits, or null to keep them only in this window */
    public LabView(LabContext context, Supplier<MnistData> bundledData, TaskExecutor background, Path runStore,
            MyDigitsStore myDigitsStore) {
        this.background = background;
        DesignerViewModel designer = new DesignerViewModel();
        designer.dataReady().bind(context.data().isNotNull());
        designer.trainImages().bind(context.data().map(d -> d.train().count()).orElse(0));
        designer.testImages().bind(context.data().map(d -> d.test().count()).orElse(0));
        designer.previewDigit().bind(context.data().map(d -> d.train().intensities(0)));
        context.sendSettingsTo(designer::load); // "Use these settings" of a run or of the pad's model
        RunHistory history = new RunHistory();
        runList = new RunListViewModel(history, context, background);
        ChartsView charts = new ChartsView(new ChartsViewModel(history, context, background), runList, context.dialogs());
        training = new TrainingViewModel(context, designer, history, FxTaskExecutor.on(trainingThread),
                RunStarter.TRAINER, FrameClock.animationTimer(TrainingViewModel.FRAMES_PER_SECOND), runList);
        if (runStore != null) runList.open(runStore);
        training.statusLine().addListener((obs, old, text) -> status.show(text, status.node().getProgress()));
        training.progress().addListener((obs, old, done) -> status.node().setProgress(done.doubleValue()));
        GalleryViewModel gallery = new GalleryViewModel(context, background);
        MyDigitsViewModel myDigits = new MyDigitsViewModel(context, background, myDigitsStore);
        training.extraTraining().bind(myDigits.trainingSet());
        myDigits.load();
        PadViewModel pad = new PadViewModel(context, background, myDigits);

        ScrollPane designerScroll = new ScrollPane(new DesignerView(designer).node());
        designerScroll.setFitToWidth(true);
        designerScroll.getStyleClass().add("designer-scroll");
        DataView data = new DataView(new DataViewModel(context, bundledData, background), context.dialogs(),
                training.running());
        RateFinderViewModel rateFinder = new RateFinderViewModel(context, designer, FxTaskExecutor.on(trainingThread),
                RateFinderViewModel.Finder.RANGE_TEST, training.running());
        VBox left = new VBox(10, data.node(), designerScroll,
                new TrainingControlsView(training, designer, new RateFinderView(rateFinder),
                        new SweepView(new SweepViewModel(designer, training))).node());
        VBox.setVgrow(designerScroll, Priority.ALWAYS);
        left.setPrefWidth(400);
        left.setPadding(new Insets(10));
        left.getStyleClass().add("left-panel");

        Tab samples = tab("Samples", new GalleryView(gallery).node());
        gallery.showing().bind(samples.selectedProperty());
        ModelFilesViewModel models = new ModelFilesViewModel(context, background);
        DrawingPadView padView = new DrawingPadView(pad, models, context, myDigits);
        Tab drawing = tab("Draw a digit", padView.node());
        Tab mine = tab("My digits", new MyDigitsView(myDigits, context.dialogs()).node());
        mine.setId("myDigitsTab");
        TabPane tabs = new TabPane(tab("Learning curves", charts.node()), samples, drawing, mine);
        InsideViewModel inside = new InsideViewModel(context, background, pixels -> {
            pad.startFrom(pixels);
            tabs.getSelectionModel().select(drawing);
        });
        Tab insideTab = tab("Inside the network", new InsideView(inside).node());
        inside.showing().bind(insideTab.selectedProperty());
        tabs.getTabs().add(2, insideTab);
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        // The notice floats over the panels' area, under their tab headers: never over the
        // designer or the menu, so it covers no button that the user may need next.
        BorderPane content = new BorderPane(new StackPane(tabs, new NoticeView(context).node()));
        content.setLeft(left);
        HelpDialogs help = new HelpDialogs(() -> root.getScene() == null ? null : root.getScene().getWindow(),
                status::backend);
        LabMenuBar.Commands commands = menuCommands(padView, pad, models, charts, history, designer,
                help, drawing);
        root.setTop(new LabMenuBar(commands).node());
        root.setCenter(content);
        root.setBottom(status.node());
        LabMenuBar.installPlainKeys(root, commands);
        showBackend(context);
    }

    public Parent root() {
        return root;
    }

    public StatusBarView status() {
        return status;
    }

    /**
     * Stops a run and waits briefly for its thread, so closing the window leaves nothing behind.
     * The run store closes on that thread after the run has written its end (never on the FX thread).
     */
    public void shutdown() {
        if (shutDown) return; // the close request and Application.stop both call this
        shutDown = true;
        training.stop();
        trainingThread.submit(runList::closeStore);
        trainingThread.shutdown(2000);
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        BorderPane box = new BorderPane(content);
        box.setPadding(new Insets(10));
        return new Tab(title, box);
    }

    /**
     * The menu's commands are the panels' own. Ctrl+Z takes back a stroke while the pad is shown,
     * and otherwise puts back the last removed run.
     */
    private LabMenuBar.Commands menuCommands(DrawingPadView padView, PadViewModel pad, ModelFilesViewModel models,
            ChartsView charts, RunHistory history, DesignerViewModel designer,
            HelpDialogs help, Tab drawing) {
        BooleanBinding onPad = drawing.selectedProperty().and(pad.strokeCount().greaterThan(0));
        StringBinding undoText = Bindings.createStringBinding(
                () -> drawing.isSelected() ? "Undo stroke" : runList.canUndo().get() ? "Undo delete run" : "Undo",
                drawing.selectedProperty(), runList.canUndo());
        BooleanBinding canUndo = onPad.or(drawing.selectedProperty().not().and(runList.canUndo()));
        return new LabMenuBar.Commands(
                padView::openModel, padView::saveModel, models.canSave(),
                charts::exportCharts, charts::exportRuns, Bindings.isNotEmpty(history.runs()), this::quit,
                () -> {
                    if (drawing.isSelected()) pad.undo(); else runList.undoDelete();
                }, undoText, canUndo,
                pad::clear,
                training::train, designer.canTrain(), training::togglePause,
                Bindings.when(training.paused()).then("Resume").otherwise("Pause"),
                training::stop, training.running(),
                help::guide, help::shortcuts, help::about);
    }

    /** File > Quit: as closing the window, which stops a run under way first. */
    private void quit() {
        Window window = root.getScene().getWindow();
        window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
        window.hide();
    }

    /** Asking ND4J loads its native backend: seconds, so never on the FX thread. */
    private void showBackend(LabContext context) {
        BackgroundTask.wrap(BackendInfo::current).named("lab-backend-probe").onSuccess(info -> {
            status.setBackend(info.shortText());
            if (!info.fallbackReason().isEmpty()) context.showNotice(info.fallbackReason());
        }).onFailure(error -> {
            status.setBackend("backend unavailable");
            context.report("The compute backend (ND4J) could not start", error);
        }).executeWith(background);
    }
}
