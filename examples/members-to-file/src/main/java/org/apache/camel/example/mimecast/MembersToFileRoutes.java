package org.apache.camel.example.mimecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.support.builder.PredicateBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Two routes over the same group:
 * <ul>
 * <li>membership changes since the last poll, one JSON Lines file per poll ({@code changes-<poll time>.jsonl});</li>
 * <li>a CSV snapshot of the whole group, rewritten each poll ({@code members.csv}).</li>
 * </ul>
 * The changes state lives in a file, so a restart neither repeats nor loses a change.
 */
public class MembersToFileRoutes extends RouteBuilder {

    private static final CSVFormat MEMBERS_CSV = CSVFormat.DEFAULT.builder()
            .setHeader("emailAddress", "name", "domain", "internal").setRecordSeparator('\n').get();

    private final String groupId;
    private final String outputDirectory;
    private final String stateFile;
    private final long pollDelayMillis;

    public MembersToFileRoutes(String groupId, String outputDirectory, String stateFile, long pollDelayMillis) {
        this.groupId = groupId;
        this.outputDirectory = outputDirectory;
        this.stateFile = stateFile;
        this.pollDelayMillis = pollDelayMillis;
    }

    @Override
    public void configure() {
        from("mimecast-directory:get-group-members?mode=changes&pageSize=500&initialDelay=0"
             + "&delay=" + pollDelayMillis + "&groupId=" + groupId + "&stateFile=" + stateFile)
                .routeId("member-changes-to-jsonl")
                .split(body()).marshal().json()
                    // One file per poll: complete on the last line of the last page of the poll (checked on the
                    // incoming exchange, hence eager); the timeout is only a safety net.
                    .aggregate(constant(true), joinLines()).eagerCheckCompletion().completionPredicate(
                            PredicateBuilder.and(exchangeProperty(Exchange.SPLIT_COMPLETE).isEqualTo(true),
                                    exchangeProperty(Exchange.BATCH_COMPLETE).isEqualTo(true)))
                    .completionTimeout(60_000)
                    .setHeader(Exchange.FILE_NAME, simple("changes-${date:now:yyyyMMdd-HHmmss-SSS}.jsonl"))
                    .to("file:" + outputDirectory)
                    .log("Wrote ${header.CamelFileName}");

        from("mimecast-directory:get-group-members?pageSize=500&initialDelay=0"
             + "&delay=" + pollDelayMillis + "&groupId=" + groupId)
                .routeId("member-snapshot-to-csv")
                .aggregate(header(MimecastDirectoryConstants.GROUP_ID), concatenatePages())
                    .completionFromBatchConsumer()
                    .transform().body(List.class, MembersToFileRoutes::toCsv)
                    .setHeader(Exchange.FILE_NAME, constant("members.csv"))
                    .to("file:" + outputDirectory + "?fileExist=Override")
                    .log("Wrote members.csv");
    }

    /** One row per member; quoting is commons-csv's (camel-csv is not on this build's Maven mirror). */
    @SuppressWarnings("unchecked")
    static String toCsv(List<?> members) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, MEMBERS_CSV)) {
            for (Member m : (List<Member>) members) {
                printer.printRecord(m.emailAddress(), m.name(), m.domain(), Boolean.TRUE.equals(m.internal()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return csv.toString();
    }

    private static AggregationStrategy joinLines() {
        return (oldExchange, newExchange) -> {
            String line = newExchange.getMessage().getBody(String.class);
            if (oldExchange == null) {
                newExchange.getMessage().setBody(line + "\n");
                return newExchange;
            }
            oldExchange.getMessage().setBody(oldExchange.getMessage().getBody(String.class) + line + "\n");
            return oldExchange;
        };
    }

    @SuppressWarnings("unchecked")
    private static AggregationStrategy concatenatePages() {
        return (oldExchange, newExchange) -> {
            if (oldExchange == null) {
                newExchange.getMessage().setBody(new java.util.ArrayList<>(newExchange.getMessage().getBody(List.class)));
                return newExchange;
            }
            oldExchange.getMessage().getBody(List.class).addAll(newExchange.getMessage().getBody(List.class));
            return oldExchange;
        };
    }
}
