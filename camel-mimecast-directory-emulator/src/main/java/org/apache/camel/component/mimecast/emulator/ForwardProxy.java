package org.apache.camel.component.mimecast.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP forward proxy for tests, like the outbound proxy of a corporate network: it opens tunnels for
 * {@code CONNECT host:port} (HTTPS passes through it as TLS bytes it cannot read) and forwards plain HTTP requests
 * given in absolute form, optionally requiring HTTP Basic proxy credentials (407 and {@code Proxy-Authenticate}
 * otherwise) and refusing tunnels to some targets (403). It can itself be served over TLS, with the emulator's
 * certificate for localhost. It records every byte it relays, in both directions, and counts what it sees, so that a
 * test can check what a proxy could read. JDK only; one thread per connection.
 */
public final class ForwardProxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final String username;
    private final String password;
    private final String challenge;
    private final boolean tls;
    private final Set<String> refusedTargets;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "forward-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<String> proxyAuthorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger authenticationRequired = new AtomicInteger();
    private final AtomicInteger tunnels = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final ByteArrayOutputStream relayed = new ByteArrayOutputStream();
    private ServerSocket server;

    private ForwardProxy(Builder builder) {
        this.username = builder.username;
        this.password = builder.password;
        this.challenge = builder.challenge;
        this.tls = builder.tls;
        this.refusedTargets = Set.copyOf(builder.refusedTargets);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Listens on a free port of 127.0.0.1. */
    public synchronized ForwardProxy start() {
        try {
            server = tls ? MimecastEmulator.serverSslContext().getServerSocketFactory().createServerSocket()
                    : new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the forward proxy", e);
        }
        threads.execute(this::accept);
        return this;
    }

    /** The host name to reach the proxy by: localhost over TLS (the certificate's name), else 127.0.0.1. */
    public String host() {
        return tls ? "localhost" : "127.0.0.1";
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code host:port}, as error messages should name the proxy. */
    public String address() {
        return host() + ":" + port();
    }

    /** The request lines received, e.g. {@code CONNECT localhost:8443 HTTP/1.1}, answered or not. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** The CONNECT requests received, authenticated or not. */
    public long connectRequests() {
        return requestLines.stream().filter(line -> line.startsWith("CONNECT ")).count();
    }

    /** The Proxy-Authorization header values received. */
    public List<String> proxyAuthorizations() {
        return List.copyOf(proxyAuthorizations);
    }

    /** How many requests were answered 407 (no or wrong credentials). */
    public int authenticationRequired() {
        return authenticationRequired.get();
    }

    /** Tunnels opened to a target. */
    public int tunnels() {
        return tunnels.get();
    }

    /** Plain HTTP requests forwarded. */
    public int forwarded() {
        return forwarded.get();
    }

    /** Every byte relayed in either direction (request heads, tunnelled bytes, forwarded requests and replies). */
    public byte[] relayedBytes() {
        synchronized (relayed) {
            return relayed.toByteArray();
        }
    }

    /** Forgets what was recorded and counted. */
    public void clear() {
        requestLines.clear();
        proxyAuthorizations.clear();
        authenticationRequired.set(0);
        tunnels.set(0);
        forwarded.set(0);
        synchronized (relayed) {
            relayed.reset();
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(ForwardProxy::closeQuietly);
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                Head head = Head.read(in);
                if (head == null) {
                    return;
                }
                record(head.text.getBytes(StandardCharsets.ISO_8859_1));
                requestLines.add(head.startLine);
                byte[] body = in.readNBytes(head.contentLength());
                record(body);
                String authorization = head.header("proxy-authorization");
                if (authorization != null) {
                    proxyAuthorizations.add(authorization);
                }
                if (username != null && !expectedAuthorization().equals(authorization)) {
                    authenticationRequired.incrementAndGet();
                    reply(out, "407 Proxy Authentication Required",
                            "Proxy-Authenticate: " + challenge + "\r\n", "");
                    continue;
                }
                String[] parts = head.startLine.split(" ");
                if (parts.length != 3) {
                    reply(out, "400 Bad Request", "Connection: close\r\n", "");
                    return;
                }
                if ("CONNECT".equals(parts[0])) {
                    if (refusedTargets.contains(parts[1].toLowerCase(Locale.ROOT))) {
                        reply(out, "403 Forbidden", "", "Tunnels to " + parts[1] + " are not allowed");
                        continue;
                    }
                    tunnel(client, parts[1]);
                } else {
                    forward(out, parts, head, body);
                }
                return;
            }
        } catch (IOException e) {
            // the client or the target went away
        } finally {
            open.remove(client);
        }
    }

    private void tunnel(Socket client, String authority) throws IOException {
        int colon = authority.lastIndexOf(':');
        Socket target;
        try {
            target = new Socket(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)));
        } catch (IOException | RuntimeException e) {
            reply(client.getOutputStream(), "502 Bad Gateway", "Connection: close\r\n", "Cannot reach " + authority);
            return;
        }
        open.add(target);
        tunnels.incrementAndGet();
        OutputStream out = client.getOutputStream();
        byte[] established = "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        record(established);
        out.write(established);
        out.flush();
        try (target) {
            threads.execute(() -> pump(client, target));
            pump(target, client);
        } finally {
            open.remove(target);
        }
    }

    /** Forwards one plain HTTP request in origin form and relays the reply, then closes the connection. */
    private void forward(OutputStream out, String[] requestLine, Head head, byte[] body) throws IOException {
        URI uri = URI.create(requestLine[1]);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        try (Socket target = new Socket(uri.getHost(), port)) {
            forwarded.incrementAndGet();
            StringBuilder request = new StringBuilder(requestLine[0]).append(' ')
                    .append(uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\n");
            head.headers.forEach((name, value) -> {
                if (!name.startsWith("proxy-") && !"connection".equals(name)) {
                    request.append(name).append(": ").append(value).append("\r\n");
                }
            });
            request.append("connection: close\r\n\r\n");
            OutputStream toTarget = target.getOutputStream();
            toTarget.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            toTarget.write(body);
            toTarget.flush();
            InputStream fromTarget = target.getInputStream();
            Head reply = Head.read(fromTarget);
            if (reply == null) {
                return;
            }
            StringBuilder replyHead = new StringBuilder(reply.startLine).append("\r\n");
            reply.headers.forEach((name, value) -> {
                if (!"connection".equals(name)) {
                    replyHead.append(name).append(": ").append(value).append("\r\n");
                }
            });
            replyHead.append("connection: close\r\n\r\n");
            byte[] replyBytes = replyHead.toString().getBytes(StandardCharsets.ISO_8859_1);
            record(replyBytes);
            out.write(replyBytes);
            byte[] buffer = new byte[8192];
            for (int n; (n = fromTarget.read(buffer)) >= 0; ) {
                record(buffer, n);
                out.write(buffer, 0, n);
            }
            out.flush();
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                record(buffer, n);
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void reply(OutputStream out, String status, String headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] reply = ("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        record(reply);
        out.write(reply);
        out.write(bytes);
        out.flush();
    }

    private String expectedAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void record(byte[] bytes) {
        record(bytes, bytes.length);
    }

    private void record(byte[] bytes, int length) {
        synchronized (relayed) {
            relayed.write(bytes, 0, length);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** A request or response head: the start line and the headers (names in lower case). */
    private record Head(String text, String startLine, Map<String, String> headers) {

        static Head read(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                bytes.write(b);
                matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1
                        : b == '\r' ? 1 : 0;
                if (bytes.size() > MAX_HEAD_BYTES) {
                    throw new IOException("head too long");
                }
            }
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            List<String> lines = new ArrayList<>(List.of(text.split("\r\n")));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            return new Head(text, lines.get(0), headers);
        }

        String header(String name) {
            return headers.get(name);
        }

        int contentLength() {
            String length = headers.get("content-length");
            return length == null ? 0 : Integer.parseInt(length.trim());
        }
    }

    public static final class Builder {
        private String username;
        private String password;
        private String challenge = "Basic realm=\"forward-proxy\"";
        private boolean tls;
        private final List<String> refusedTargets = new ArrayList<>();

        /** Requires HTTP Basic proxy credentials on every request. */
        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /** The Proxy-Authenticate challenge of a 407, {@code Basic realm="forward-proxy"} unless set. */
        public Builder challenge(String challenge) {
            this.challenge = challenge;
            return this;
        }

        /** Serves the proxy itself over TLS (certificate for localhost, trusted by the emulator's trust store). */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** Answers CONNECT to {@code host:port} with 403 Forbidden. */
        public Builder refuseTunnelsTo(String authority) {
            refusedTargets.add(authority.toLowerCase(Locale.ROOT));
            return this;
        }

        public ForwardProxy build() {
            return new ForwardProxy(this);
        }
    }
}
