package org.apache.camel.component.mimecast.directory.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

/** Reads a field that Mimecast documents as a comma separated String but that may come as an array of strings. */
final class CommaSeparatedText {

    private CommaSeparatedText() {
    }

    static final class Deserializer extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.START_ARRAY) {
                List<String> values = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (!parser.currentToken().isScalarValue()) {
                        return (String) context.handleUnexpectedToken(String.class, parser);
                    }
                    if (parser.currentToken() != JsonToken.VALUE_NULL) {
                        values.add(parser.getValueAsString());
                    }
                }
                return String.join(",", values);
            }
            if (!parser.currentToken().isScalarValue()) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return parser.getValueAsString();
        }
    }
}
