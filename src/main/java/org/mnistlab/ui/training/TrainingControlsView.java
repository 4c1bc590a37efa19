package org.mnistlab.ui.training;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mnistlab.ui.Texts;
import org.mnistlab.ui.designer.DesignerViewModel;

/** Train / Pause-Resume / Stop, and why Train is disabled when it is. */
public final class TrainingControlsView {
    private final VBox root = new VBox(6);

    public TrainingControlsView(TrainingViewModel vm, DesignerViewModel designer) {
        this(vm, designer, null, null);
    }

    /**
     * @param rateFinder the range test's button, or null for none
     * @param sweep the sweep's button, or null for none
     */
    public TrainingControlsView(TrainingViewModel vm, DesignerViewModel designer, RateFinderView rateFinder,
            SweepView sweep) {
        Button train = new Button("Train");
        train.setId("trainButton");
        train.getStyleClass().add("primary");
        train.setDefaultButton(true);
        // While a range test runs, the training thread is busy with it: a run would only wait.
        train.disableProperty().bind(rateFinder == null ? designer.canTrain().not()
                : designer.canTrain().not().or(rateFinder.running()));
        train.setOnAction(e -> vm.train());
        train.setTooltip(Texts.tip("Start training this network. Each run is added to the charts, "
                + "so you can compare settings."));

        Button pause = new Button("Pause");
        pause.setId("pauseButton");
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(vm.paused()).then("Resume").otherwise("Pause"));
        pause.disableProperty().bind(vm.running().not());
        pause.setOnAction(e -> vm.togglePause());

        Button stop = new Button("Stop");
        stop.setId("stopButton");
        stop.disableProperty().bind(vm.running().not());
        stop.setOnAction(e -> vm.stop());
        stop.setTooltip(Texts.tip("Stop after the current batch. The run keeps its curve and its network."));

        Label reason = new Label();
        reason.setId("trainBlockedReason");
        reason.getStyleClass().add("blocked-reason");
        reason.setWrapText(true);
        // A long reason (the memory guard's) wraps onto more lines rather than ending in "…".
        reason.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        reason.textProperty().bind(designer.trainBlockedReason());

        Button resume = new Button();
        resume.setId("resumeButton");
        resume.textProperty().bind(vm.resumeOffer());
        resume.visibleProperty().bind(vm.resumeOffer().isNotEmpty());
        resume.managedProperty().bind(resume.visibleProperty());
        resume.disableProperty().bind(vm.running());
        resume.setOnAction(e -> vm.resumeDiverged());
        resume.setTooltip(Texts.tip("Go back to the last good checkpoint of the run that diverged, from before "
                + "the loss blew up, and go on training the same run at half the rate. The chart marks the change."));

        // One row with Train, so the designer above keeps its height in a 1280×720 window.
        HBox buttons = new HBox(8, train, pause, stop);
        if (rateFinder != null) buttons.getChildren().add(rateFinder.button());
        if (sweep != null) buttons.getChildren().add(sweep.button());
        buttons.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(buttons, resume, reason);
        root.getStyleClass().add("training-controls");
    }

    public Node node() {
        return root;
    }
}
