package org.apache.camel.example.mimecast.hrsync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads an HR export: a header line {@code email,department}, then one employee per line.
 */
public final class HrExport {

    private HrExport() {
    }

    /** The departments, sorted by name, each with the email addresses (lower case) of its employees. */
    public static List<Department> departments(String csv) {
        Map<String, Set<String>> departments = new TreeMap<>();
        String[] lines = csv.strip().split("\\R");
        if (lines.length == 0 || !lines[0].trim().equalsIgnoreCase("email,department")) {
            throw new IllegalArgumentException("The HR export must start with the header line 'email,department'");
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of the HR export is not 'email,department': "
                                                   + line);
            }
            departments.computeIfAbsent(fields[1].trim(), d -> new TreeSet<>())
                    .add(fields[0].trim().toLowerCase(Locale.ROOT));
        }
        List<Department> result = new ArrayList<>();
        departments.forEach((name, emails) -> result.add(new Department(name, List.copyOf(emails))));
        return result;
    }
}
