package org.apache.camel.example.mimecast;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.support.builder.PredicateBuilder;

/**
 * Two routes over the same group:
 * <ul>
 * <li>membership changes since the last poll, one JSON Lines file per poll ({@code changes-<poll time>.jsonl});</li>
 * <li>a CSV snapshot of the whole group, rewritten each poll ({@code members.csv}).</li>
 * </ul>
 * The changes state lives in a file, so a restart neither repeats nor loses a change.
 */
public class MembersToFileRoutes extends RouteBuilder {

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
                    .process(e -> e.getMessage().setBody(toCsv(e.getMessage().getBody(List.class))))
                    .setHeader(Exchange.FILE_NAME, constant("members.csv"))
                    .to("file:" + outputDirectory + "?fileExist=Override")
                    .log("Wrote members.csv");
    }

    static String toCsv(List<Member> members) {
        return "emailAddress,name,domain,internal\n" + members.stream()
                .map(m -> String.join(",", csv(m.emailAddress()), csv(m.name()), csv(m.domain()),
                        String.valueOf(Boolean.TRUE.equals(m.internal()))))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
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
