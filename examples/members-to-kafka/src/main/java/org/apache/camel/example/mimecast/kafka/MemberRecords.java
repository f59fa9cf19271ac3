package org.apache.camel.example.mimecast.kafka;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.apache.camel.component.mimecast.directory.model.MemberChangeType;
import org.apache.camel.support.DefaultMessage;

/**
 * Turns one consumer page into the Kafka records of that page.
 * <p>
 * Each record is keyed {@code <groupId>/<email or domain>}, so on a compacted topic the latest record per key is the
 * member's current state. The value is the member as JSON; a removed member (changes mode) becomes a tombstone
 * (null value), which is how compaction forgets a key. The page goes to Kafka as one list, so camel-kafka sends its
 * records together and the page's exchange completes only when every record is acknowledged.
 */
public final class MemberRecords {

    /** Exchange property with the number of records of the page (a property: headers would go into every record). */
    public static final String RECORD_COUNT = "memberRecordCount";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MemberRecords() {
    }

    /** Replaces a page body ({@code List<Member>} or {@code List<MemberChange>}) by a list of record messages. */
    public static void toRecords(Exchange exchange) throws JsonProcessingException {
        String groupId = exchange.getMessage().getHeader(MimecastDirectoryConstants.GROUP_ID, String.class);
        List<?> page = exchange.getMessage().getBody(List.class);
        List<Message> records = new ArrayList<>(page.size());
        for (Object item : page) {
            if (item instanceof MemberChange change) {
                Member member = change.member();
                boolean removed = change.changeType() == MemberChangeType.REMOVED;
                String value = removed ? null : JSON.writeValueAsString(member);
                records.add(record(exchange, key(change.groupId(), member), value));
            } else {
                Member member = (Member) item;
                records.add(record(exchange, key(groupId, member), JSON.writeValueAsString(member)));
            }
        }
        exchange.getMessage().setBody(records);
        exchange.setProperty(RECORD_COUNT, records.size());
    }

    /** The record key: the group and the member's identity (email address, or domain for a domain member). */
    public static String key(String groupId, Member member) {
        return groupId + "/" + member.identity();
    }

    private static Message record(Exchange exchange, String key, String value) {
        Message message = new DefaultMessage(exchange);
        message.setHeader(KafkaConstants.KEY, key);
        message.setBody(value);
        return message;
    }
}
