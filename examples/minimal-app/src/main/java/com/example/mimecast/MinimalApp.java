package com.example.mimecast;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * Camel Main with two routes: the groups, listed once, and the changes of one group's members, polled. The connection
 * is in application.properties (camel.component.mimecast-directory.*), not in the routes.
 */
public final class MinimalApp {

    private MinimalApp() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:groups?repeatCount=1")
                        .to("mimecast-directory:find-groups")
                        .log("Groups: ${body}");

                // The first poll reports every member as ADDED, later polls who joined and who left; the state file
                // keeps what was reported, so a restart neither repeats nor loses a change.
                from("mimecast-directory:get-group-members?groupId={{group.id}}&mode=changes"
                     + "&stateFile={{state.file}}&delay=2000")
                        .split(body())
                        .log("${body}");
            }
        });
        main.run(args);
    }
}
