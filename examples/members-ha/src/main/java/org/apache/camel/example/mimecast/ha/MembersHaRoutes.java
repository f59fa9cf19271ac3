package org.apache.camel.example.mimecast.ha;

import org.apache.camel.PropertyInject;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.model.MemberChange;

/**
 * The same route on every node, behind {@code master:}: the cluster service lets one node poll, the others wait and
 * take over when it dies. The membership state is in PostgreSQL ({@code membersState}, one row per member), so the
 * new leader resumes where the last one stopped. Each change is appended to {@code changes.jsonl} in
 * {@code members-ha.dir} as a JSON line with the node's name.
 */
public class MembersHaRoutes extends RouteBuilder {

    /** One line of changes.jsonl. */
    record ChangeLine(String node, String changeType, String member) {
    }

    @PropertyInject("members-ha.node")
    private String node;

    @Override
    public void configure() {
        from("master:members-ha:mimecast-directory:get-group-members?mode=changes&stateRepository=#membersState"
             + "&groupId={{members-ha.group-id}}&delay={{members-ha.poll-delay}}"
             + "&initialDelay={{members-ha.initial-delay}}")
                .routeId("members-ha")
                // The exchange's changes in one append, written before the state advances
                .split(body(), AggregationStrategies.string().pick(body().append("\n")))
                    .transform().body(MemberChange.class,
                            c -> new ChangeLine(node, c.changeType().name(), c.member().identity()))
                    .marshal().json()
                .end()
                .to("file:{{members-ha.dir}}?fileName=changes.jsonl&fileExist=Append")
                .log("{{members-ha.node}} wrote ${exchangeProperty.CamelSplitSize} change(s)");
    }
}
