package org.apache.camel.component.mimecast.directory.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;
import org.apache.camel.component.mimecast.directory.model.ItemResult;

/**
 * The message of a write of many items that did not all apply: counts per fate and compact ranges of item positions
 * ("items 40-49, 120"), a few lines whatever the size of the write. The full detail stays in the exception's data.
 */
final class WriteSummary {

    /** Ranges listed per fate; the rest are counted. */
    private static final int RANGES_SHOWN = 6;
    /** Error codes listed for the failed items; the rest are counted. */
    private static final int CODES_SHOWN = 3;
    private static final int CAUSE_LENGTH = 300;

    private WriteSummary() {
    }

    static String of(MimecastDirectoryOperation operation, List<? extends ItemResult<?>> outcomes, int requests,
                     MimecastApiException firstRequestFailure) {
        List<Integer> failed = new ArrayList<>();
        List<Integer> unconfirmed = new ArrayList<>();
        List<Integer> notSent = new ArrayList<>();
        Map<String, Integer> failedCodes = new LinkedHashMap<>();
        String whyNotSent = "";
        int applied = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            ItemFailure failure = outcomes.get(i).failure();
            if (failure == null) {
                applied++;
            } else if (failure.codes().equals(WriteHandler.UNCONFIRMED)) {
                unconfirmed.add(i);
            } else if (failure.codes().equals(WriteHandler.NOT_SENT)) {
                if (notSent.isEmpty() && failure.errors().get(0).message() != null) {
                    whyNotSent = ": " + failure.errors().get(0).message().replaceFirst("^not sent: ", "");
                }
                notSent.add(i);
            } else {
                failed.add(i);
                failedCodes.merge(failure.codes(), 1, Integer::sum);
            }
        }
        StringBuilder text = new StringBuilder().append(operation).append(": of ").append(outcomes.size())
                .append(" items in ").append(requests).append(" batches, ").append(applied).append(" applied");
        fate(text, failed.size() + " failed", failed, codes(failedCodes));
        fate(text, unconfirmed.size() + " may have been applied (read the group to know)", unconfirmed, "");
        fate(text, notSent.size() + " not sent", notSent, whyNotSent);
        if (firstRequestFailure != null) {
            String cause = firstRequestFailure.getMessage();
            text.append(". First request failure: ")
                    .append(cause.length() > CAUSE_LENGTH ? cause.substring(0, CAUSE_LENGTH) + "..." : cause);
        }
        return text.append(". Each item's fate: getFailures() and getSucceeded()").toString();
    }

    private static void fate(StringBuilder text, String what, List<Integer> items, String detail) {
        if (!items.isEmpty()) {
            text.append("; ").append(what).append(" (").append(ranges(items)).append(detail).append(')');
        }
    }

    private static String codes(Map<String, Integer> codes) {
        StringBuilder text = new StringBuilder();
        // Codes come from the server: a hostile one must not make the message long.
        codes.entrySet().stream().limit(CODES_SHOWN).forEach(e -> text.append(text.length() == 0 ? ": " : ", ")
                .append(e.getKey().length() > 40 ? e.getKey().substring(0, 40) + "..." : e.getKey()).append(" x")
                .append(e.getValue()));
        if (codes.size() > CODES_SHOWN) {
            text.append(", and ").append(codes.size() - CODES_SHOWN).append(" more codes");
        }
        return text.toString();
    }

    /** "items 3, 40-49, 120": consecutive positions (0-based) folded, at most {@value #RANGES_SHOWN} ranges. */
    static String ranges(List<Integer> positions) {
        List<String> ranges = new ArrayList<>();
        int start = positions.get(0);
        int previous = start;
        for (int i = 1; i <= positions.size(); i++) {
            int position = i < positions.size() ? positions.get(i) : Integer.MIN_VALUE;
            if (position != previous + 1) {
                ranges.add(start == previous ? String.valueOf(start) : start + "-" + previous);
                start = position;
            }
            previous = position;
        }
        String shown = String.join(", ", ranges.subList(0, Math.min(RANGES_SHOWN, ranges.size())));
        return (positions.size() == 1 ? "item " : "items ") + shown
               + (ranges.size() > RANGES_SHOWN ? " and " + (ranges.size() - RANGES_SHOWN) + " more ranges" : "");
    }
}
