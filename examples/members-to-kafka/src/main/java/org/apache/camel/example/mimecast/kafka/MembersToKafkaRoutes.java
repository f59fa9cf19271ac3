package org.apache.camel.example.mimecast.kafka;

import org.apache.camel.builder.RouteBuilder;

/**
 * Watches Mimecast groups and publishes their members to a Kafka topic, one page of members per exchange.
 * <p>
 * {@code mode=snapshot} republishes every member each poll (a full refresh of a compacted topic);
 * {@code mode=changes} publishes only who joined (member JSON) and who left (tombstone) since the last poll.
 */
public class MembersToKafkaRoutes extends RouteBuilder {

    private final String groupIds;
    private final String mode;
    private final String topic;
    private final long pollDelayMillis;
    private final String stateFile;

    /**
     * @param stateFile where changes mode keeps the membership it has published, so that a restart neither repeats
     *                  nor loses a change; null keeps it in memory (a restart then republishes every member as
     *                  added, which a compacted topic absorbs)
     */
    public MembersToKafkaRoutes(String groupIds, String mode, String topic, long pollDelayMillis, String stateFile) {
        this.groupIds = groupIds;
        this.mode = mode;
        this.topic = topic;
        this.pollDelayMillis = pollDelayMillis;
        this.stateFile = stateFile;
    }

    @Override
    public void configure() {
        from("mimecast-directory:get-group-members?pageSize=500&initialDelay=0&mode=" + mode
             + "&delay=" + pollDelayMillis + "&groupId=" + groupIds
             + (stateFile != null ? "&stateFile=" + stateFile : ""))
                .routeId("members-to-kafka")
                .process(MemberRecords::toRecords)
                .log("Publishing page ${header.CamelMimecastDirectoryPageNumber} of group"
                     + " ${header.CamelMimecastDirectoryGroupId}: ${exchangeProperty." + MemberRecords.RECORD_COUNT + "} records")
                .to("kafka:" + topic);
    }
}
