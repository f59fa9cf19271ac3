package org.apache.camel.component.mimecast.directory.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.model.ApiError;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;

/**
 * The one place that removes secrets from text that came from outside (error bodies, I/O messages) before it reaches an
 * exception message, a log line or a health detail. A hostile or careless server may echo a credential in any common
 * encoding, so each secret is searched raw, URL-encoded (form and percent style, any hex case), JSON-escaped and
 * Base64-encoded (standard and URL alphabets, with and without padding). Access tokens are added as they are issued.
 * Thread safe; one per component.
 */
public final class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String MASK = "xxxxxx";
    /** Tokens remembered: enough for every token still valid, bounded so that renewals do not grow it for ever. */
    private static final int MAX_TOKENS = 64;
    /**
     * Shorter values are not searched for: masking every "e" of every message would destroy them, and a hostile token
     * endpoint could issue such a token on purpose. No real key, secret or token is this short.
     */
    static final int MIN_SECRET_LENGTH = 4;
    /** Characters that each style of URL encoding leaves as they are, besides letters and digits. */
    private static final List<String> URL_SAFE_SETS = List.of(
            "-_.*", // java.net.URLEncoder, HTML forms
            "-_.!~*'()", // JavaScript encodeURIComponent
            "-_.~/", // Python urllib.parse.quote
            "-_.~"); // RFC 3986 unreserved

    // Secret forms, longest first so that a longer form is masked before a shorter one inside it.
    private volatile List<String> forms = List.of();
    private volatile int longestForm;
    private final Set<String> secrets = new LinkedHashSet<>();
    private final ConcurrentLinkedDeque<String> tokens = new ConcurrentLinkedDeque<>();

    /** Registers configured secrets (null and blank values are ignored). */
    public synchronized SecretRedactor addSecrets(String... values) {
        boolean changed = false;
        for (String value : values) {
            if (value != null && value.strip().length() >= MIN_SECRET_LENGTH) {
                changed |= secrets.add(value);
            }
        }
        if (changed) {
            rebuild();
        }
        return this;
    }

    /** Registers an issued access token; the oldest tokens are forgotten past a bound. */
    public synchronized void addToken(String token) {
        if (token == null || token.strip().length() < MIN_SECRET_LENGTH || tokens.contains(token)) {
            return;
        }
        tokens.addLast(token);
        while (tokens.size() > MAX_TOKENS) {
            tokens.removeFirst();
        }
        rebuild();
    }

    private void rebuild() {
        Set<String> all = new LinkedHashSet<>();
        List<String> values = new ArrayList<>(secrets);
        values.addAll(tokens);
        for (String value : values) {
            all.addAll(formsOf(value));
        }
        all.removeIf(form -> form.length() < MIN_SECRET_LENGTH);
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        forms = List.copyOf(sorted);
        longestForm = sorted.isEmpty() ? 0 : sorted.get(0).length();
    }

    /** The length of the longest form searched for: a text cut anywhere may end in part of one this long. */
    public int longestForm() {
        return longestForm;
    }

    static Set<String> formsOf(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        for (String safe : URL_SAFE_SETS) {
            String encoded = percentEncode(secret, safe);
            forms.add(encoded);
            forms.add(encoded.replace("%20", "+"));
        }
        String json = new String(JsonStringEncoder.getInstance().quoteAsString(secret));
        forms.add(json);
        forms.add(json.replace("/", "\\/"));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            String base64 = encoder.encodeToString(bytes);
            forms.add(base64);
            forms.add(stripPadding(base64));
            forms.addAll(base64InsideLongerText(encoder, bytes));
        }
        forms.removeIf(String::isEmpty);
        return forms;
    }

    /**
     * The Base64 characters that encode the secret whatever stands before or after it (an echoed "Bearer token" or
     * "id:secret" header): for each of the three alignments, the characters that depend on the secret's bytes alone.
     */
    private static List<String> base64InsideLongerText(Base64.Encoder encoder, byte[] secret) {
        List<String> forms = new ArrayList<>(3);
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + secret.length];
            System.arraycopy(secret, 0, shifted, offset, secret.length);
            String encoded = stripPadding(encoder.encodeToString(shifted));
            // The characters holding bits of the prefix, and the last group's characters that depend on what
            // follows, are left out.
            int from = offset == 0 ? 0 : offset + 1;
            int to = (shifted.length / 3) * 4;
            if (to - from >= 8) {
                forms.add(encoded.substring(from, to));
            }
        }
        return forms;
    }

    private static String percentEncode(String secret, String safe) {
        StringBuilder out = new StringBuilder();
        for (byte b : secret.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || safe.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String stripPadding(String base64) {
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        return base64.substring(0, end);
    }

    /** The text with every known secret masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String form : forms) {
            result = replace(result, form);
        }
        return result;
    }

    /** Whether the text holds no known secret in any form. */
    public boolean isClean(String text) {
        return text == null || text.equals(redact(text));
    }

    /**
     * The exception with its message, its failures and its cause chain free of secrets. Returns the same instance
     * when nothing needed masking.
     */
    public MimecastApiException redact(MimecastApiException e) {
        String message = redact(e.getMessage());
        List<ItemFailure> failures = redact(e.getFailures());
        Throwable cause = redactCause(e.getCause());
        if (message.equals(e.getMessage()) && failures.equals(e.getFailures()) && cause == e.getCause()) {
            return e;
        }
        return e.retold(message, failures, cause);
    }

    /** The failures with every error code, message and echoed key value free of secrets. */
    public List<ItemFailure> redact(List<ItemFailure> failures) {
        return failures.stream().map(this::redact).toList();
    }

    private ItemFailure redact(ItemFailure failure) {
        List<ApiError> errors = failure.errors().stream()
                .map(error -> new ApiError(redact(error.code()), redact(error.message()), error.retryable()))
                .toList();
        Map<String, Object> key = new LinkedHashMap<>();
        failure.key().forEach((name, value) -> key.put(redact(name), value instanceof String text ? redact(text)
                : value == null || isClean(String.valueOf(value)) ? value : MASK));
        return errors.equals(failure.errors()) && key.equals(failure.key()) ? failure : new ItemFailure(key, errors);
    }

    /** A cause whose message (or whose causes' messages) hold a secret is replaced by a masked copy. */
    private Throwable redactCause(Throwable cause) {
        if (cause == null) {
            return null;
        }
        Throwable deeper = redactCause(cause.getCause());
        if (isClean(cause.getMessage()) && deeper == cause.getCause()) {
            return cause;
        }
        Throwable copy = new RedactedException(cause.getClass().getName() + ": " + redact(cause.getMessage()), deeper);
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }

    private static String replace(String text, String form) {
        if (!containsPercentEscape(form)) {
            return text.replace(form, MASK);
        }
        // Percent escapes may come back in either hex case.
        String lowerText = text.toLowerCase(Locale.ROOT);
        String lowerForm = form.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        int at;
        while ((at = lowerText.indexOf(lowerForm, from)) >= 0) {
            out.append(text, from, at).append(MASK);
            from = at + form.length();
        }
        return from == 0 ? text : out.append(text, from, text.length()).toString();
    }

    private static boolean containsPercentEscape(String form) {
        return form.indexOf('%') >= 0;
    }

    /** Stands in for a cause whose message held a secret; its text names the original type. */
    static final class RedactedException extends Exception {
        RedactedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public String toString() {
        return "SecretRedactor[" + forms.size() + " forms]";
    }
}
