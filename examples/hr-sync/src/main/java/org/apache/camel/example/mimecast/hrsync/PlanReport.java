package org.apache.camel.example.mimecast.hrsync;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.mimecast.directory.model.Group;
import org.apache.camel.component.mimecast.directory.model.SetGroupMembersResult;

/**
 * The text of the report written next to each HR export: one line per change, e.g. {@code + Sales carol@example.com}.
 */
public final class PlanReport {

    static final String DEPARTMENT = "department";
    static final String CREATED = "groupCreated";

    private PlanReport() {
    }

    /** The id of the group named exactly like the department (find-groups matches names containing the query). */
    public static String groupIdOf(@Body List<Group> groups, @ExchangeProperty(DEPARTMENT) Department department) {
        return groups.stream().filter(g -> department.name().equals(g.description())).map(Group::id).findFirst()
                .orElse(null);
    }

    /** Dry run, department without a group: the group would be created with every employee. */
    public static String newGroup(@ExchangeProperty(DEPARTMENT) Department department) {
        return Stream.concat(Stream.of("create group " + department.name()),
                department.emails().stream().map(e -> "+ " + department.name() + " " + e))
                .collect(Collectors.joining("\n"));
    }

    /** The changes set-group-members made (or, in a dry run, would make) to one department's group. */
    public static String changes(@Body SetGroupMembersResult result,
                                 @ExchangeProperty(DEPARTMENT) Department department,
                                 @ExchangeProperty(CREATED) Boolean created) {
        String name = department.name();
        return Stream.of(
                Boolean.TRUE.equals(created) ? Stream.of("create group " + name) : Stream.<String>empty(),
                result.added().stream().map(e -> "+ " + name + " " + e),
                result.removed().stream().map(e -> "- " + name + " " + e),
                result.failed().stream().map(f -> "! " + name + " " + f.describe()))
                .flatMap(s -> s)
                .collect(Collectors.joining("\n"));
    }

    /** The whole report: a title, then every change, or a line saying there was nothing to change. */
    public static String document(String changes, boolean dryRun) {
        String lines = changes == null ? "" : changes.lines().filter(l -> !l.isBlank())
                .collect(Collectors.joining("\n"));
        return (dryRun ? "DRY RUN, nothing applied. Plan:\n" : "Applied:\n")
               + (lines.isEmpty() ? "Nothing to change: Mimecast matches the HR file" : lines) + "\n";
    }
}
