package org.apache.camel.component.mimecast.directory;

/**
 * Thrown before any HTTP call when the input of an operation is incomplete or malformed. The message names the field
 * and how to set it.
 */
public class MimecastValidationException extends IllegalArgumentException {

    private final String field;

    public MimecastValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public MimecastValidationException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** A required option of an authentication mode is missing; says where to set it. */
    public static MimecastValidationException missingOption(String mode, String option) {
        return new MimecastValidationException(
                option, mode + " needs " + option + ": set the " + option
                        + " option on the endpoint or on the component (camel.component.mimecast-directory." + option
                        + ")");
    }

    /** The option or body field that is wrong. */
    public String getField() {
        return field;
    }
}
