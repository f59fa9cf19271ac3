package org.apache.camel.example.mimecast.hrsync;

import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;
import static org.apache.camel.example.mimecast.hrsync.PlanReport.CREATED;
import static org.apache.camel.example.mimecast.hrsync.PlanReport.DEPARTMENT;

/**
 * Each HR export dropped into the folder {@code hr.inbox} makes every department's Mimecast group equal its employees
 * (set-group-members, one call per department), then is moved to {@code .done}. The report, one line per change, is
 * logged and written to {@code .plans/<name>.plan.txt}. In a dry run ({@code hr.dry-run}, the default) nothing is
 * written to Mimecast: the report is the plan. Departments missing in Mimecast get a group; groups of other names are
 * left alone. A plan that removes more than {@code hr.max-removals} members from one group (a truncated export?)
 * fails the file, which is moved to {@code .failed} with nothing written.
 */
public class HrSyncRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{hr.inbox}}?include=.*\\.csv&move=.done&moveFailed=.failed&initialDelay=0&delay=1000")
                .routeId("hr-sync")
                .convertBodyTo(String.class)
                .transform().body(String.class, HrExport::departments)
                .split(body(), AggregationStrategies.string("\n")).stopOnException()
                    .setProperty(DEPARTMENT, body())
                    .to("direct:department")
                .end()
                .transform(method(PlanReport.class, "document(${body}, {{hr.dry-run}})"))
                .log("${header.CamelFileName}: ${body}")
                .setHeader("CamelFileName", simple("${file:name.noext}.plan.txt"))
                .to("file:{{hr.inbox}}/.plans");

        from("direct:department").routeId("hr-sync-department")
                .setBody(simple("${body.name}"))
                .to("mimecast-directory:find-groups?paginate=true&pageSize=500")
                .setHeader(GROUP_ID, method(PlanReport.class, "groupIdOf"))
                .choice()
                    .when(header(GROUP_ID).isNull()).to("direct:new-group")
                    .otherwise().to("direct:set-members");

        // A department without a group: planned in a dry run, else created. Only the route whose precondition holds
        // is added.
        from("direct:new-group").routeId("hr-sync-plan-new-group").precondition("{{hr.dry-run}}")
                .setBody(method(PlanReport.class, "newGroup"));
        from("direct:new-group").routeId("hr-sync-new-group").precondition("{{hr.dry-run}} == false")
                .setBody(simple("${exchangeProperty." + DEPARTMENT + ".name}"))
                .to("mimecast-directory:create-group")
                .setHeader(GROUP_ID, simple("${body.id}"))
                .setProperty(CREATED, constant(true))
                .to("direct:set-members");

        // The department's group becomes equal to its employees: reads every member, writes only the difference.
        // Members Mimecast refuses are reported (throwOnItemFailure=false) instead of failing the whole file.
        from("direct:set-members").routeId("hr-sync-set-members")
                .setBody(simple("${exchangeProperty." + DEPARTMENT + ".emails}"))
                .to("mimecast-directory:set-group-members?throwOnItemFailure=false&dryRun={{hr.dry-run}}"
                    + "&maxRemovals={{hr.max-removals}}")
                .setBody(method(PlanReport.class, "changes"));
    }
}
