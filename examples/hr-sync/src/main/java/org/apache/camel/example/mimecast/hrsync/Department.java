package org.apache.camel.example.mimecast.hrsync;

import java.util.List;

/**
 * One department of the HR export: the Mimecast group of the same name must have exactly these members.
 *
 * @param name   the department, also the group's name (its description in Mimecast)
 * @param emails the email addresses of its employees, lower case and sorted
 */
public record Department(String name, List<String> emails) {
}
