package org.mnistlab.ui.designer;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import org.mnistlab.network.InvalidSpecException;
import org.mnistlab.network.NetworkSpec;

/**
 * One input of the designer, declared once: the spec setting it edits (its name in
 * {@link NetworkSpec}), the property the view binds to, how it is filled from a spec, and how its
 * value is read back into a builder.
 *
 * <p>Numbers are kept as text so a half-typed value ("0.") stays as the user left it and is marked,
 * instead of being silently replaced.
 *
 * @param property the check binding depends on it, so the spec is re-read whenever it changes
 */
record DesignerInput(String setting, Observable property, Consumer<NetworkSpec> fill,
        Consumer<NetworkSpec.Builder> read) {

    /** A choice box: the value goes through unchanged. */
    static <T> DesignerInput choice(String setting, ObjectProperty<T> property,
            Function<NetworkSpec, T> get, BiConsumer<NetworkSpec.Builder, T> set) {
        return new DesignerInput(setting, property, spec -> property.set(get.apply(spec)),
                builder -> set.accept(builder, property.get()));
    }

    /** A decimal number typed as text; {@code field} names it in messages ("learning rate"). */
    static DesignerInput decimal(String setting, String field, StringProperty text,
            Function<NetworkSpec, Double> get, BiConsumer<NetworkSpec.Builder, Double> set) {
        return typed(setting, text, get, set, NetworkSpec::formatNumber,
                t -> parse(field, t, Double::parseDouble, "a number"));
    }

    static DesignerInput whole(String setting, String field, StringProperty text,
            Function<NetworkSpec, Integer> get, BiConsumer<NetworkSpec.Builder, Integer> set) {
        return typed(setting, text, get, set, String::valueOf,
                t -> parse(field, t, Integer::parseInt, "a whole number"));
    }

    static DesignerInput wholeLong(String setting, String field, StringProperty text,
            Function<NetworkSpec, Long> get, BiConsumer<NetworkSpec.Builder, Long> set) {
        return typed(setting, text, get, set, String::valueOf,
                t -> parse(field, t, Long::parseLong, "a whole number"));
    }

    /** A value typed in a form of its own (a schedule, "step:2:0.5"): {@code read} parses it, {@code show} writes it. */
    static <T> DesignerInput written(String setting, StringProperty text, Function<NetworkSpec, T> get,
            BiConsumer<NetworkSpec.Builder, T> set, Function<T, String> show, Function<String, T> read) {
        return typed(setting, text, get, set, show, read);
    }

    private static <T> DesignerInput typed(String setting, StringProperty text, Function<NetworkSpec, T> get,
            BiConsumer<NetworkSpec.Builder, T> set, Function<T, String> show, Function<String, T> read) {
        return new DesignerInput(setting, text, spec -> text.set(show.apply(get.apply(spec))),
                builder -> set.accept(builder, read.apply(text.get())));
    }

    /** The field's text read by {@code parser}, or the spec error "'text' is not {@code kind}" for it. */
    private static <T> T parse(String field, String text, Function<String, T> parser, String kind) {
        try {
            return parser.apply(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidSpecException(field, "'" + text + "' is not " + kind);
        }
    }
}
