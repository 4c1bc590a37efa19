package org.mnistlab.ui.pad;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.mnistlab.drawing.DigitPreprocessor;
import org.mnistlab.drawing.InkImage;
import org.mnistlab.inspection.DivergingScale;
import org.mnistlab.inspection.DrawingReading;
import org.mnistlab.ui.ColourImages;
import org.mnistlab.ui.DigitImages;
import org.mnistlab.ui.Texts;

/**
 * The MNIST recipe as a row of small pictures: the ink's bounding box on the canvas, the digit
 * scaled to 20 px, placed by its centre of mass in 28×28, and the normalised input.
 */
final class PadStepsView {
    static final double SIDE = 72;
    private static final Color MARK = Color.web("#f1c40f");

    private final HBox row = new HBox(8);
    private final VBox root;
    private final Canvas box = step("padStepBox");
    private final Canvas scaled = step("padStepScaled");
    private final Canvas centred = step("padStepCentred");
    private final Canvas input = step("padStepInput");
    private final Label inputCaption = Texts.hint("");

    PadStepsView() {
        row.setId("padSteps");
        row.getChildren().addAll(
                column(box, "1. Ink box"),
                column(scaled, "2. 20 px"),
                column(centred, "3. Centred"),
                column(input, inputCaption));
        row.setAlignment(Pos.TOP_LEFT);
        Label explained = Texts.hint("As every MNIST digit was made: the ink's bounding box on the canvas (1) is "
                + "scaled so its longer side is 20 px (2), then placed in 28×28 so that its centre of mass (+) is "
                + "in the middle (3). The model's normalisation gives the input the network reads (4).");
        explained.setMaxWidth(4 * SIDE + 3 * 8);
        root = new VBox(6, new Label("Step by step, what the network sees:"), row, explained);
        show(null);
    }

    Node node() {
        return root;
    }

    /** @param reading null clears the row */
    void show(DrawingReading reading) {
        inputCaption.setText(reading == null || !reading.inputHasSign() ? "4. Input, 0…1" : "4. Input, ±");
        Tooltip.install(input, Texts.tip(reading == null || !reading.inputHasSign()
                ? "The input: pixel / 255, between 0 and 1."
                : "The input, standardised: (pixel / 255 − 0.1307) / 0.3081; red above 0, blue below (paper)."));
        for (Canvas c : new Canvas[] {box, scaled, centred, input}) blank(c);
        if (reading == null) return;
        DigitPreprocessor.Steps steps = reading.steps();
        InkImage picture = reading.drawing();

        GraphicsContext g = box.getGraphicsContext2D();
        g.drawImage(DigitImages.of(picture), 0, 0, SIDE, SIDE);
        double k = SIDE / picture.width();
        int[] b = steps.box();
        g.setStroke(MARK);
        g.setLineWidth(1.5);
        g.strokeRect(b[0] * k, b[1] * k, (b[2] - b[0]) * k, (b[3] - b[1]) * k);

        double cell = SIDE / DigitPreprocessor.SIDE;
        InkImage twenty = new InkImage(steps.scaledWidth(), steps.scaledHeight(), steps.scaled());
        scaled.getGraphicsContext2D().setImageSmoothing(false);
        scaled.getGraphicsContext2D().drawImage(DigitImages.of(twenty),
                (SIDE - steps.scaledWidth() * cell) / 2, (SIDE - steps.scaledHeight() * cell) / 2,
                steps.scaledWidth() * cell, steps.scaledHeight() * cell);

        GraphicsContext c = centred.getGraphicsContext2D();
        c.setImageSmoothing(false);
        c.drawImage(DigitImages.of(steps.centred()), 0, 0, SIDE, SIDE);
        double[] mass = DigitPreprocessor.centreOfMass(steps.centred(), DigitPreprocessor.SIDE);
        c.setStroke(MARK);
        c.strokeLine(mass[0] * cell - 5, mass[1] * cell, mass[0] * cell + 5, mass[1] * cell);
        c.strokeLine(mass[0] * cell, mass[1] * cell - 5, mass[0] * cell, mass[1] * cell + 5);

        Image in = reading.inputHasSign()
                ? ColourImages.of(DivergingScale.argb(reading.input(), DivergingScale.maxAbs(reading.input())), 28, 28)
                : DigitImages.of(reading.input());
        input.getGraphicsContext2D().setImageSmoothing(false);
        input.getGraphicsContext2D().drawImage(in, 0, 0, SIDE, SIDE);
    }

    private static Canvas step(String id) {
        Canvas canvas = new Canvas(SIDE, SIDE);
        canvas.setId(id);
        canvas.getStyleClass().add("pad-step");
        return canvas;
    }

    private static void blank(Canvas canvas) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, SIDE, SIDE);
    }

    private static VBox column(Canvas canvas, String caption) {
        Label label = Texts.hint(caption);
        return column(canvas, label);
    }

    private static VBox column(Canvas canvas, Label caption) {
        caption.setMaxWidth(SIDE);
        return new VBox(4, canvas, caption);
    }
}
