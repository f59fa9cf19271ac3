package org.apache.camel.example.mimecast.kafka;

import org.apache.camel.builder.RouteBuilder;

/**
 * Watches the Mimecast groups {@code members.group-ids} and publishes their members to the Kafka topic
 * {@code members.topic}, one page of members per exchange.
 * <p>
 * {@code members.mode=snapshot} republishes every member each poll (a full refresh of a compacted topic);
 * {@code changes} publishes only who joined (member JSON) and who left (tombstone) since the last poll. Changes mode
 * keeps what it has published in the file {@code members.state-file}, so that a restart neither repeats nor loses a
 * change; without that property the state is in memory (a restart then republishes every member as added, which a
 * compacted topic absorbs).
 */
public class MembersToKafkaRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("mimecast-directory:get-group-members?groupId={{members.group-ids}}&mode={{members.mode}}"
             + "&stateFile={{?members.state-file}}&pageSize=500&initialDelay=0&delay={{members.poll-delay}}")
                .routeId("members-to-kafka")
                .process(MemberRecords::toRecords)
                .log("Publishing page ${header.CamelMimecastDirectoryPageNumber} of group"
                     + " ${header.CamelMimecastDirectoryGroupId}: ${exchangeProperty." + MemberRecords.RECORD_COUNT + "} records")
                .to("kafka:{{members.topic}}");
    }
}
