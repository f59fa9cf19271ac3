package org.apache.camel.quarkus.component.mimecast.directory.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.model.MemberChange;

@ApplicationScoped
public class MimecastDirectoryRoutes extends RouteBuilder {

    @Inject
    ChangeCollector collector;

    @Override
    public void configure() {
        from("direct:find-groups").to("mimecast-directory:find-groups");

        from("direct:all-members").to("mimecast-directory:get-group-members?pageSize=500&paginate=true");

        from("mimecast-directory:get-group-members?groupId={{mimecast.watched-group-id}}&mode=changes"
             + "&splitMembers=true&delay=200&initialDelay=0")
                .routeId("watch-members")
                .process(e -> collector.add(e.getMessage().getBody(MemberChange.class)));
    }
}
