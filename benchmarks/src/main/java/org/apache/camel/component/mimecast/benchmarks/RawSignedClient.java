package org.apache.camel.component.mimecast.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mimecast.emulator.EmulatorCredentials;

/**
 * The baseline: the same signed get-group-members call with the JDK's HttpClient, headers built by hand (the pages'
 * sample, {@link SampleSignature}), the response parsed to a JSON tree. A well written raw client: one Mac per
 * thread, one mapper, connection reuse.
 */
final class RawSignedClient {

    private static final String PATH = "/api/directory/get-group-members";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI uri;
    private final SampleSignature signature;

    RawSignedClient(String baseUrl, EmulatorCredentials credentials) {
        this.uri = URI.create(baseUrl + PATH);
        this.signature = new SampleSignature(credentials.accessKey(), credentials.secretKey(), credentials.appId(),
                credentials.appKey());
    }

    /** Returns the number of members on the page. */
    int members(String groupId, int pageSize) throws Exception {
        String body = "{\"meta\":{\"pagination\":{\"pageSize\":" + pageSize + "}},\"data\":[{\"id\":\"" + groupId
                      + "\"}]}";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
        signature.headers(PATH).forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        JsonNode json = mapper.readTree(response.body());
        return json.at("/data/0/groupMembers").size();
    }
}
