package org.apache.camel.example.mimecast.hrsync;

import java.util.Map;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;

/**
 * Each HR export dropped into the inbox folder is reconciled with Mimecast, then moved to {@code .done}. In dry-run
 * mode the plan is only reported (logged and written next to the file as {@code <name>.plan.txt}).
 */
public class HrSyncRoutes extends RouteBuilder {

    private final String inbox;
    private final boolean dryRun;

    public HrSyncRoutes(String inbox, boolean dryRun) {
        this.inbox = inbox;
        this.dryRun = dryRun;
    }

    @Override
    public void configure() {
        DirectoryReconciler reconciler = new DirectoryReconciler(getContext().createProducerTemplate());
        from("file:" + inbox + "?include=.*\\.csv&move=.done&initialDelay=0&delay=1000").routeId("hr-sync")
                .process(exchange -> {
                    Map<String, Set<String>> departments = HrExport.departments(
                            exchange.getMessage().getBody(String.class));
                    SyncPlan plan = reconciler.plan(departments);
                    if (!dryRun) {
                        reconciler.apply(plan);
                    }
                    exchange.getMessage().setHeader("changes", plan.changeCount());
                    exchange.getMessage().setBody((dryRun ? "DRY RUN, nothing applied. Plan:\n" : "Applied:\n")
                                                  + plan.describe() + "\n");
                })
                .log("${header.CamelFileName}: ${body}")
                .setHeader("CamelFileName", simple("${file:name.noext}.plan.txt"))
                .to("file:" + inbox + "/.plans");
    }
}
