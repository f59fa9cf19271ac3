package org.apache.camel.component.mimecast.directory.client;

/**
 * Text helpers for exception messages built from another library's exception.
 */
public final class ErrorTexts {

    private ErrorTexts() {
    }

    /**
     * The first line of a message: Jackson puts the source location (which can echo input) on the lines after it.
     */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
