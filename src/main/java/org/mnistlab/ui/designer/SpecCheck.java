package org.mnistlab.ui.designer;

import org.mnistlab.network.NetworkSpec;

/**
 * The designer's fields read as a spec: either a valid {@link #spec} or the {@link #field} at
 * fault and a {@link #message} for the user.
 */
public record SpecCheck(NetworkSpec spec, String field, String message) {
    static SpecCheck valid(NetworkSpec spec) {
        return new SpecCheck(spec, "", "");
    }

    static SpecCheck invalid(String field, String message) {
        return new SpecCheck(null, field, message);
    }

    public boolean isValid() {
        return spec != null;
    }
}
