package org.apache.camel.component.mimecast.directory.model;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The one identity of a member's address or domain, for every comparison the component makes (the consumer's diff,
 * set-group-members' plan, duplicate checks, matching Mimecast's echoed keys to requests): Unicode NFC, then lower case
 * by the locale-independent rule, so that {@code Alice@Example.com} and {@code alice@example.com} are one member on any
 * JVM. Domains are compared in their ASCII form, so that an internationalised domain and its {@code xn--} form are one
 * member, whichever form Mimecast keeps.
 * <p>
 * Characters that cannot be seen (a byte order mark, no-break and zero-width spaces, bidi marks, control characters)
 * make a look-alike of a real address: {@link #invisibleCharacter} finds them so that input holding one is refused
 * rather than written as another member.
 */
public final class MemberAddress {

    private MemberAddress() {
    }

    /** The identity of an email address or domain, or null for null. */
    public static String identity(String address) {
        if (address == null) {
            return null;
        }
        String normal = Normalizer.normalize(address, Normalizer.Form.NFC);
        int at = normal.lastIndexOf('@');
        return (normal.substring(0, at + 1) + asciiDomain(normal.substring(at + 1))).toLowerCase(Locale.ROOT);
    }

    /** A domain in its ASCII form ({@code bücher.de} is {@code xn--bcher-kva.de}), or as written when it has none. */
    private static String asciiDomain(String domain) {
        try {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return domain;
        }
    }

    /**
     * Describes the first invisible character of {@code text}, e.g. {@code U+00A0 (NO-BREAK SPACE) at position 15},
     * or returns null when every character can be seen. Ordinary spaces are left to the address checks.
     */
    public static String invisibleCharacter(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int codePoint = text.codePointAt(i);
            if (isInvisible(codePoint)) {
                String name = Character.getName(codePoint);
                return String.format("U+%04X%s at position %d", codePoint, name == null ? "" : " (" + name + ")", i);
            }
        }
        return null;
    }

    private static boolean isInvisible(int codePoint) {
        if (codePoint == ' ') {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE ->
                true;
            // The rest of Unicode's Default_Ignorable_Code_Point, and the blanks that draw nothing.
            default -> Character.isIdentifierIgnorable(codePoint) || codePoint == 0x115F || codePoint == 0x1160
                       || codePoint == 0x3164 || codePoint == 0xFFA0 || codePoint == 0x034F || codePoint == 0x2800
                       || codePoint == 0x17B4 || codePoint == 0x17B5 || (codePoint >= 0x180B && codePoint <= 0x180F)
                       || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0000 && codePoint <= 0xE0FFF);
        };
    }
}
