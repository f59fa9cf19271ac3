package org.apache.camel.component.mimecast.directory;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The secret options' names, and the dash-case spellings of them that Camel's property binding also accepts. */
final class SecretOptionNames {

    private static final Map<String, String> DASH_TO_CAMEL = Map.of(
            "access-key", "accessKey",
            "secret-key", "secretKey",
            "app-key", "appKey",
            "client-id", "clientId",
            "client-secret", "clientSecret",
            "proxy-auth-username", "proxyAuthUsername",
            "proxy-auth-password", "proxyAuthPassword");
    private static final Pattern DASH_NAMES = Pattern.compile(
            "([?&])(access-key|secret-key|app-key|client-id|client-secret|proxy-auth-username|proxy-auth-password)=", Pattern.CASE_INSENSITIVE);

    private SecretOptionNames() {
    }

    /** The URI with every dash-case secret option name in its camelCase form; values untouched. */
    static String toCamelCase(String uri) {
        if (uri == null || uri.indexOf('-') < 0) {
            return uri;
        }
        Matcher matcher = DASH_NAMES.matcher(uri);
        StringBuilder out = new StringBuilder(uri.length());
        while (matcher.find()) {
            if (insideRawValue(uri, matcher.start())) {
                continue;
            }
            String camel = DASH_TO_CAMEL.get(matcher.group(2).toLowerCase(Locale.ROOT));
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + camel + "="));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Whether {@code index} lies inside a RAW(...) or RAW{...} value, whose text is the value itself. */
    private static boolean insideRawValue(String uri, int index) {
        int raw = uri.lastIndexOf("RAW", index);
        while (raw >= 0) {
            if (raw + 3 < uri.length() && (uri.charAt(raw + 3) == '(' || uri.charAt(raw + 3) == '{')) {
                char close = uri.charAt(raw + 3) == '(' ? ')' : '}';
                int end = uri.indexOf(close, raw + 4);
                return end < 0 || end > index;
            }
            raw = raw == 0 ? -1 : uri.lastIndexOf("RAW", raw - 1);
        }
        return false;
    }
}
