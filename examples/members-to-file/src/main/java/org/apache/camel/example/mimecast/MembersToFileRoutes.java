package org.apache.camel.example.mimecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.support.builder.PredicateBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Two routes over the group {@code members.group-id}, writing to the folder {@code members.output}:
 * <ul>
 * <li>membership changes since the last poll, one JSON Lines file per poll ({@code changes-<poll time>.jsonl});</li>
 * <li>a CSV snapshot of the whole group, rewritten each poll ({@code members.csv}).</li>
 * </ul>
 * The changes state lives in the file {@code members.state-file}, so a restart neither repeats nor loses a change.
 */
public class MembersToFileRoutes extends RouteBuilder {

    private static final CSVFormat MEMBERS_CSV = CSVFormat.DEFAULT.builder()
            .setHeader("emailAddress", "name", "domain", "internal").setRecordSeparator('\n').get();

    @Override
    public void configure() {
        from("mimecast-directory:get-group-members?groupId={{members.group-id}}&mode=changes"
             + "&stateFile={{members.state-file}}&pageSize=500&initialDelay=0&delay={{members.poll-delay}}")
                .routeId("member-changes-to-jsonl")
                .split(body()).marshal().json()
                    // One file per poll: complete on the last line of the last page of the poll (checked on the
                    // incoming exchange, hence eager); the timeout is only a safety net.
                    .aggregate(constant(true), AggregationStrategies.string().pick(body().append("\n")))
                    .eagerCheckCompletion().completionPredicate(
                            PredicateBuilder.and(exchangeProperty(Exchange.SPLIT_COMPLETE).isEqualTo(true),
                                    exchangeProperty(Exchange.BATCH_COMPLETE).isEqualTo(true)))
                    .completionTimeout(60_000)
                    .setHeader(Exchange.FILE_NAME, simple("changes-${date:now:yyyyMMdd-HHmmss-SSS}.jsonl"))
                    // Written aside and renamed, so that whoever reads the folder never sees half a file
                    .to("file:{{members.output}}?tempFileName=${file:name}.part")
                    .log("Wrote ${header.CamelFileNameProduced}");

        from("mimecast-directory:get-group-members?groupId={{members.group-id}}&pageSize=500&initialDelay=0"
             + "&delay={{members.poll-delay}}")
                .routeId("member-snapshot-to-csv")
                // The pages of one poll of the group, in order
                .aggregate(header(MimecastDirectoryConstants.GROUP_ID), AggregationStrategies.groupedBody())
                    .completionFromBatchConsumer()
                    .transform().body(List.class, MembersToFileRoutes::toCsv)
                    .setHeader(Exchange.FILE_NAME, constant("members.csv"))
                    .to("file:{{members.output}}?fileExist=Override&tempFileName=${file:name}.part")
                    .log("Wrote ${header.CamelFileNameProduced}");
    }

    /** One row per member, quoted by commons-csv. */
    @SuppressWarnings("unchecked")
    static String toCsv(List<?> pages) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, MEMBERS_CSV)) {
            for (List<Member> page : (List<List<Member>>) pages) {
                for (Member m : page) {
                    printer.printRecord(m.emailAddress(), m.name(), m.domain(), Boolean.TRUE.equals(m.internal()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return csv.toString();
    }
}
