package org.apache.camel.component.mimecast.directory;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MimecastDirectoryOperationTest {

    /** NAMES is spelt out for {@code @UriPath(enums)}: it must list every constant, in declaration order. */
    @Test
    void namesListEveryOperationInOrder() {
        List<String> fromEnum = Arrays.stream(MimecastDirectoryOperation.values())
                .map(MimecastDirectoryOperation::operationName).toList();
        assertEquals(fromEnum, List.of(MimecastDirectoryOperation.NAMES.split(",")));
    }
}
