package org.apache.camel.component.mimecast.directory.model;

import java.util.regex.Pattern;

import org.apache.camel.component.mimecast.directory.MimecastValidationException;

/**
 * Checks shared by the request records. Messages say which option, header or body field to set, because a user may
 * have supplied the value in any of the three.
 */
final class RequestChecks {

    static final int MAX_NOTES_LENGTH = 100;

    // Deliberately loose: one @, no blanks, a dot in the domain. Mimecast does the authoritative check.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

    private RequestChecks() {
    }

    static void requireText(String value, String operation, String option, String header, String bodyField) {
        if (value == null || value.isBlank()) {
            throw new MimecastValidationException(
                    option, operation + " needs " + option + ": set the " + option + " option, the " + header
                                    + " header, or \"" + bodyField + "\" in the body");
        }
    }

    static void requireOneOfEmailOrDomain(String emailAddress, String domain, String operation) {
        boolean hasEmail = emailAddress != null && !emailAddress.isBlank();
        boolean hasDomain = domain != null && !domain.isBlank();
        if (hasEmail == hasDomain) {
            throw new MimecastValidationException(
                    hasEmail ? "domain" : "emailAddress",
                    operation + " needs exactly one of emailAddress or domain, "
                                                          + (hasEmail ? "but both were given" : "but neither was given")
                                                          + ": set the emailAddress or the domain option, header or body field");
        }
        requireVisible(hasEmail ? emailAddress : domain, hasEmail ? "emailAddress" : "domain", operation);
        if (hasEmail && !EMAIL.matcher(emailAddress).matches()) {
            throw new MimecastValidationException(
                    "emailAddress", operation + " got an invalid emailAddress '" + emailAddress
                                    + "': expected a single address such as user@example.com");
        }
        if (hasDomain && !DOMAIN.matcher(domain).matches()) {
            throw new MimecastValidationException(
                    "domain", operation + " got an invalid domain '" + domain
                              + "': expected a domain name such as example.com, without '@'");
        }
    }

    /** Refuses an address or domain holding a character that cannot be seen: it would be a look-alike member. */
    static void requireVisible(String value, String field, String operation) {
        String invisible = MemberAddress.invisibleCharacter(value);
        if (invisible != null) {
            throw new MimecastValidationException(
                    field, operation + " got a " + field + " with an invisible character, " + invisible
                           + ": remove it (often copied in from a spreadsheet, a CSV's byte order mark or a web page)");
        }
    }

    static void checkNotes(String notes, String operation) {
        if (notes != null && notes.length() > MAX_NOTES_LENGTH) {
            throw new MimecastValidationException(
                    "notes", operation + " got notes of " + notes.length() + " characters: Mimecast accepts at most "
                             + MAX_NOTES_LENGTH + ", shorten the notes");
        }
    }

    static void checkSource(String source, String operation) {
        if (source != null && !"cloud".equals(source) && !"ldap".equals(source)) {
            throw new MimecastValidationException(
                    "source", operation + " got source '" + source + "': use cloud or ldap, or leave it unset");
        }
    }
}
