package org.apache.camel.example.mimecast.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.springframework.stereotype.Component;

/**
 * The routes carry no host and no credential: the starter configures the component from
 * {@code camel.component.mimecast-directory.*} properties.
 */
@Component
public class MembershipRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // Who joined and who left since the last poll, one exchange per change; the state is kept in a file.
        from("mimecast-directory:get-group-members?groupId={{members.group-id}}&mode=changes&splitMembers=true"
             + "&stateFile={{members.state-file}}&initialDelay=0&delay={{members.poll-delay}}")
                .routeId("member-changes")
                .transform().body(MemberChange.class, MembershipRoutes::describe)
                .log("${body}");

        // Body: an email address, or a list of them.
        from("direct:onboard")
                .routeId("onboard")
                .to("mimecast-directory:add-group-member?groupId={{members.group-id}}")
                .log("Added to group {{members.group-id}}: ${body}");
    }

    static String describe(MemberChange change) {
        Member member = change.member();
        String who = member.emailAddress() != null ? member.emailAddress() : member.domain();
        return change.changeType() + " " + who + " (group " + change.groupId() + ")";
    }
}
