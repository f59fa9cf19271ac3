package org.apache.camel.component.mimecast.directory;

/**
 * The Mimecast API 1.0 hosts per data centre region. The account's region is shown in the Administration Console;
 * {@code baseUrl} overrides the region.
 */
public enum MimecastRegion {

    EU("https://eu-api.mimecast.com"),
    DE("https://de-api.mimecast.com"),
    US("https://us-api.mimecast.com"),
    USB("https://usb-api.mimecast.com"),
    CA("https://ca-api.mimecast.com"),
    ZA("https://za-api.mimecast.com"),
    AU("https://au-api.mimecast.com"),
    /** The offshore (Jersey) data centre; the host name is not confirmed by Mimecast's public docs. */
    OFFSHORE("https://je-api.mimecast.com");

    private final String baseUrl;

    MimecastRegion(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }
}
