package org.apache.camel.component.mimecast.directory;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of a Mimecast Directory endpoint. Set them on the component to share them between endpoints; an
 * endpoint works on its own copy.
 */
@UriParams
public class MimecastDirectoryConfiguration implements Cloneable {

    /** The API 2.0 global gateway. */
    public static final String API2_GLOBAL_URL = "https://api.services.mimecast.com";

    @UriParam(label = "common")
    private String baseUrl;
    @UriParam(label = "common")
    private MimecastRegion region;
    @UriParam(label = "security", defaultValue = "hmac")
    private AuthMode authMode = AuthMode.hmac;
    @UriParam(label = "security", secret = true)
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "security")
    private String tokenUrl;
    @UriParam(label = "security", secret = true)
    private String accessKey;
    @UriParam(label = "security", secret = true)
    private String secretKey;
    @UriParam(label = "security")
    private String appId;
    @UriParam(label = "security", secret = true)
    private String appKey;
    @UriParam(label = "common")
    private String groupId;
    @UriParam(label = "common")
    private String query;
    @UriParam(label = "common", enums = "cloud,ldap")
    private String source;
    @UriParam(label = "producer")
    private String description;
    @UriParam(label = "producer")
    private String parentId;
    @UriParam(label = "producer")
    private String emailAddress;
    @UriParam(label = "producer")
    private String domain;
    @UriParam(label = "producer")
    private String notes;
    @UriParam(label = "common")
    private Integer pageSize;
    @UriParam(label = "producer")
    private String pageToken;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean paginate = false;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean throwOnItemFailure = true;
    @UriParam(label = "producer,advanced", defaultValue = "10")
    private int batchSize = 10;
    @UriParam(label = "advanced", defaultValue = "10000")
    private int connectTimeout = 10000;
    @UriParam(label = "advanced", defaultValue = "30000")
    private int responseTimeout = 30000;
    @UriParam(label = "advanced", defaultValue = "300000")
    private long callTimeout = 300000L;
    @UriParam(label = "advanced", defaultValue = "3")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "6")
    private int maxConcurrentCalls = 6;
    @UriParam(label = "advanced", defaultValue = "0")
    private int rateLimitReserve;
    @UriParam(label = "advanced", defaultValue = "1000")
    private long retryBackoff = 1000L;
    @UriParam(label = "advanced", defaultValue = "60000")
    private long maxRetryWait = 60000L;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "proxy", enums = "http,https", defaultValue = "http")
    private String proxyAuthScheme = "http";
    @UriParam(label = "proxy,security", secret = true)
    private String proxyAuthUsername;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyAuthPassword;
    @UriParam(label = "proxy", defaultValue = "true")
    private boolean useSystemProperties = true;
    @UriParam(label = "advanced")
    private MimecastHttpClientConfigurer httpClientConfigurer;
    @UriParam(label = "consumer", defaultValue = "snapshot")
    private ConsumerMode mode = ConsumerMode.snapshot;
    @UriParam(label = "consumer")
    private String groupQuery;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean splitMembers;
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer")
    private String stateFile;
    @UriParam(label = "consumer", defaultValue = "secondRead")
    private RemovalConfirmation removalConfirmation = RemovalConfirmation.secondRead;
    @UriParam(label = "common")
    private Integer maxRemovals;
    @UriParam(label = "consumer")
    private Integer maxMessagesPerPoll;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean dryRun;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean allowEmpty;


    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The Mimecast API base URL, e.g. https://eu-api.mimecast.com. Overrides region; use it for the emulator or a proxy.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public MimecastRegion getRegion() {
        return region;
    }

    /**
     * The data centre region of the Mimecast account; selects the API host unless baseUrl is set.
     */
    public void setRegion(MimecastRegion region) {
        this.region = region;
    }

    public AuthMode getAuthMode() {
        return authMode;
    }

    /**
     * hmac signs every request with the API 1.0 keys (accessKey, secretKey, appId, appKey); oauth2 uses API 2.0
     * Bearer tokens from clientId and clientSecret. Only the options of the chosen mode may be set.
     */
    public void setAuthMode(AuthMode authMode) {
        this.authMode = authMode;
    }

    public String getClientId() {
        return clientId;
    }

    /**
     * authMode=oauth2: the API 2.0 client id.
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * authMode=oauth2: the API 2.0 client secret.
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    /**
     * authMode=oauth2: the OAuth 2.0 token endpoint; the base URL's /oauth/token when unset (the global gateway,
     * https://api.services.mimecast.com/oauth/token, unless baseUrl is set).
     */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /**
     * The API 1.0 access key of the binding.
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /**
     * The API 1.0 secret key (Base64) that signs every request.
     */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getAppId() {
        return appId;
    }

    /**
     * The application ID of the registered API application (sent as x-mc-app-id).
     */
    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getAppKey() {
        return appKey;
    }

    /**
     * The application key of the registered API application; part of every signature, never sent.
     */
    public void setAppKey(String appKey) {
        this.appKey = appKey;
    }

    public String getGroupId() {
        return groupId;
    }

    /**
     * The Mimecast ID of the group to read or change.
     */
    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getQuery() {
        return query;
    }

    /**
     * find-groups: text the group name must contain.
     */
    public void setQuery(String query) {
        this.query = query;
    }

    public String getSource() {
        return source;
    }

    /**
     * find-groups: the group source to search, cloud or ldap.
     */
    public void setSource(String source) {
        this.source = source;
    }

    public String getDescription() {
        return description;
    }

    /**
     * create-group and update-group: the group name.
     */
    public void setDescription(String description) {
        this.description = description;
    }

    public String getParentId() {
        return parentId;
    }

    /**
     * create-group and update-group: the Mimecast ID of the parent group (root if unset).
     */
    public void setParentId(String parentId) {
        this.parentId = parentId;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    /**
     * add-group-member and remove-group-member: the member's email address (or use domain).
     */
    public void setEmailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public String getDomain() {
        return domain;
    }

    /**
     * add-group-member and remove-group-member: a member domain (or use emailAddress).
     */
    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getNotes() {
        return notes;
    }

    /**
     * add-group-member: notes on the membership, at most 100 characters.
     */
    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    /**
     * The number of items per page for find-groups and get-group-members; Mimecast's default is 25.
     */
    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getPageToken() {
        return pageToken;
    }

    /**
     * The page token to start from: the next token of an earlier call.
     */
    public void setPageToken(String pageToken) {
        this.pageToken = pageToken;
    }

    public boolean isPaginate() {
        return paginate;
    }

    /**
     * Whether to follow the next token to the last page and return every item in one body. Without it one page is returned and the next token is in a header.
     */
    public void setPaginate(boolean paginate) {
        this.paginate = paginate;
    }

    public boolean isThrowOnItemFailure() {
        return throwOnItemFailure;
    }

    /**
     * Whether a write whose items partly fail (fail[] entries) throws MimecastApiException. If false the body is a list of ItemResult, one per input item, and the failures are also in a header.
     */
    public void setThrowOnItemFailure(boolean throwOnItemFailure) {
        this.throwOnItemFailure = throwOnItemFailure;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /**
     * The largest number of items sent in one write request; longer lists are split into several requests and the results merged in input order.
     */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * The timeout in milliseconds to establish a connection.
     */
    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * The longest one HTTP exchange may take, in milliseconds, from connect to the last byte of the body: a server that
     * sends its reply slowly cannot hold a call longer than this.
     */
    public void setResponseTimeout(int responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    /**
     * The most calls in flight at once for one API user (per component, host and access key or client id): the groups
     * of a poll and the batches of a bulk write overlap up to this many, and every endpoint of the user shares the
     * limit (the first endpoint to start sets it). 1 makes every call sequential. The user's rate limit quota is shared
     * further: by every component of the JVM that calls the same host with the same user.
     */
    public void setMaxConcurrentCalls(int maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public int getRateLimitReserve() {
        return rateLimitReserve;
    }

    /**
     * The share of Mimecast's per-user quota, in percent (0 to 90), to leave to other applications of the same API
     * user: calls wait for the window to reset once the remaining quota, less the calls in flight, falls to it.
     */
    public void setRateLimitReserve(int rateLimitReserve) {
        this.rateLimitReserve = rateLimitReserve;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    /**
     * The longest one operation call may take in milliseconds, its retries and rate limit waits included: no retry or
     * wait starts that would end later, and the last attempt is cut at this deadline.
     */
    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a failed call is retried: server errors (5xx), I/O errors and timeouts count, HTTP 429 does not
     * (a 429 did not run and says when to come back: it is waited out within callTimeout). Reads and member writes
     * (add-group-member, remove-group-member: repeating them is harmless) are retried after any such failure;
     * create-group, update-group, delete-group and execute-sync only when the call certainly did not reach Mimecast
     * (no connection made), never once it may have been applied.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryBackoff() {
        return retryBackoff;
    }

    /**
     * The first back-off in milliseconds between retries; it doubles per attempt, with jitter.
     */
    public void setRetryBackoff(long retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public long getMaxRetryWait() {
        return maxRetryWait;
    }

    /**
     * The longest single wait in milliseconds: for a rate limit to reset (X-RateLimit-Reset or Retry-After, capped at
     * Mimecast's hour) and between retries. A longer reset fails the call at once, before sending, with a retryable
     * MimecastApiException (HTTP 429) instead of blocking.
     */
    public void setMaxRetryWait(long maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Custom TLS settings (trust store, protocols). The JVM default trust store and host name verification are used when unset.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * The host name of the HTTP proxy every call goes through (Directory calls and OAuth 2.0 token requests alike),
     * with proxyPort. HTTPS is tunnelled with CONNECT, so TLS runs end to end: the proxy sees the host name and port,
     * never a request, a credential or a token. When set, the JVM's proxy settings (useSystemProperties) are not read.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /**
     * The port of the proxy that proxyHost names, e.g. 3128 or 8080.
     */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyAuthScheme() {
        return proxyAuthScheme;
    }

    /**
     * The protocol spoken to the proxy, as camel-http names it: http (the usual proxy, also for HTTPS targets, which
     * are tunnelled) or https (a proxy that itself listens with TLS; its certificate is checked with
     * sslContextParameters or the JVM's trust store). Proxy authentication (Basic or Digest, whichever the proxy asks
     * for) is used whenever proxyAuthUsername and proxyAuthPassword are set.
     */
    public void setProxyAuthScheme(String proxyAuthScheme) {
        this.proxyAuthScheme = proxyAuthScheme;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    /**
     * The user name for the proxy that proxyHost names (with proxyAuthPassword); offered only to that proxy.
     */
    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    /**
     * The password for the proxy that proxyHost names (with proxyAuthUsername); never logged or shown in a message.
     */
    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public boolean isUseSystemProperties() {
        return useSystemProperties;
    }

    /**
     * Whether, when proxyHost is not set, calls follow the JVM's proxy settings as Apache HttpClient reads them:
     * https.proxyHost and https.proxyPort (http.* for an http baseUrl), http.nonProxyHosts (hosts reached directly;
     * localhost and loopback addresses always), java.net.useSystemProxies, and the proxy credentials https.proxyUser and
     * https.proxyPassword. On by default, unlike camel-http's option of this name: the component only calls Mimecast's
     * public hosts, which is what a JVM-wide proxy is set for, and Java's own HTTP clients follow these settings too.
     * Set false to connect directly whatever the JVM says.
     */
    public void setUseSystemProperties(boolean useSystemProperties) {
        this.useSystemProperties = useSystemProperties;
    }

    public MimecastHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /**
     * A bean that adjusts the Apache HttpClient builder and connection manager builder for what the options cannot
     * express, such as a custom route planner or a client certificate; it runs after the component's own settings.
     * Endpoints with different configurers, or different proxy options, never share a connection pool.
     */
    public void setHttpClientConfigurer(MimecastHttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public ConsumerMode getMode() {
        return mode;
    }

    /**
     * Consumer: snapshot emits every page of members each poll; changes emits only the members added to or removed
     * from each group since the last completed poll.
     */
    public void setMode(ConsumerMode mode) {
        this.mode = mode;
    }

    public String getGroupQuery() {
        return groupQuery;
    }

    /**
     * Consumer: watch every group whose name find-groups matches with this query (with the source option), found
     * anew each poll. Use instead of, or with, groupId (which takes a comma separated list).
     */
    public void setGroupQuery(String groupQuery) {
        this.groupQuery = groupQuery;
    }

    public boolean isSplitMembers() {
        return splitMembers;
    }

    /**
     * Consumer: emit one exchange per member (or per change) instead of one per page.
     */
    public void setSplitMembers(boolean splitMembers) {
        this.splitMembers = splitMembers;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Consumer, mode=changes: any Camel StateRepository to keep each group's membership in (one key per group). It is
     * written after every completed exchange with the group's whole membership (gzip'd, about 3.5 bytes per member),
     * so that a restart repeats at most the exchange in flight; its atomicity is the repository's. A
     * JdbcMembershipRepository is recognised and keeps one row per member instead: each exchange writes only its
     * changes, and a write from a node that is no longer the writer of record is refused (for several nodes behind
     * master:, see docs/high-availability.md). Routes sharing the bean share one store. In memory when neither this
     * nor stateFile is set.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateFile() {
        return stateFile;
    }

    /**
     * Consumer, mode=changes: a file to keep the membership state in, the easy way to survive restarts and crashes: a
     * snapshot replaced atomically plus an fsync'd journal of every completed exchange (files stateFile,
     * stateFile.journal and stateFile.lock). Routes naming the same file share one store; a second JVM is refused
     * at start-up. Ignored when stateRepository is set.
     */
    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public RemovalConfirmation getRemovalConfirmation() {
        return removalConfirmation;
    }

    /**
     * Consumer, mode=changes: how a member missing from a read is confirmed gone before it is reported REMOVED (a
     * member removed while the pages are read shifts later members to earlier pages, so one read can miss a member).
     * secondRead (default): the poll reads the group again at once and reports only members missing from both reads;
     * a poll that sees removals costs two reads of the group. nextPoll: the member is reported REMOVED by the next poll
     * if it is still missing then; no extra call (half the calls of such polls, against Mimecast's hourly quota), a
     * removal is reported one poll delay later, and a restart in between waits one more poll.
     */
    public void setRemovalConfirmation(RemovalConfirmation removalConfirmation) {
        this.removalConfirmation = removalConfirmation;
    }

    public Integer getMaxRemovals() {
        return maxRemovals;
    }

    /**
     * A safeguard against mass removal; -1 switches it off. Producer, set-group-members: a plan that removes more than
     * this many members is refused before any write (500 when unset, in the spirit of Entra Connect's accidental-delete
     * prevention). Consumer, mode=changes: a poll that would report more than this many members of one group as
     * REMOVED emits and commits nothing for that group and marks the consumer unhealthy (no limit when unset: the
     * consumer only reports what it read, after a strict read and a confirming read of removals).
     */
    public void setMaxRemovals(Integer maxRemovals) {
        this.maxRemovals = maxRemovals;
    }

    public Integer getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * Consumer: at most this many exchanges per poll, as in Camel's other batch consumers (unlimited when unset or 0).
     * In mode=changes the changes not emitted are emitted by the next polls, each once; in mode=snapshot the poll
     * just stops early (the next poll reads the groups from the start).
     */
    public void setMaxMessagesPerPoll(Integer maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isAllowEmpty() {
        return allowEmpty;
    }

    /**
     * Producer, set-group-members: let an empty wanted list empty the group. Off by default, so that a failed export
     * that produced an empty file leaves the group as it is (the call is refused before any write).
     */
    public void setAllowEmpty(boolean allowEmpty) {
        this.allowEmpty = allowEmpty;
    }

    /** -1: maxRemovals switches the removal limit off. */
    public static final int NO_REMOVAL_LIMIT = -1;

    /**
     * The removal limit in force: maxRemovals, or {@code defaultWhenUnset} when unset; null when switched off.
     *
     * @throws MimecastValidationException for a negative value other than -1
     */
    public Integer removalLimit(Integer defaultWhenUnset) {
        Integer limit = maxRemovals != null ? maxRemovals : defaultWhenUnset;
        if (limit != null && limit < NO_REMOVAL_LIMIT) {
            throw new MimecastValidationException("maxRemovals", "maxRemovals must be 0 or more, or -1 for no limit, got "
                                                                 + limit);
        }
        return limit == null || limit == NO_REMOVAL_LIMIT ? null : limit;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /**
     * Producer, set-group-members: read the current members and return the plan (what would be added and removed)
     * without writing anything.
     */
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /**
     * The base URL to call: baseUrl if set, otherwise the region's host.
     *
     * @throws MimecastValidationException when neither is set
     */
    public String resolveBaseUrl() {
        String url;
        if (baseUrl != null && !baseUrl.isBlank()) {
            url = baseUrl;
        } else if (authMode == AuthMode.oauth2) {
            if (region != null) {
                throw new MimecastValidationException(
                        "region", "region selects API 1.0 hosts: with authMode=oauth2 leave it unset (the global "
                                  + API2_GLOBAL_URL + " is used) or set baseUrl, e.g. "
                                  + "https://uk-api.services.mimecast.com or https://us-api.services.mimecast.com");
            }
            url = API2_GLOBAL_URL;
        } else if (region != null) {
            url = region.baseUrl();
        } else {
            throw new MimecastValidationException(
                    "baseUrl", "No Mimecast host: set the region option (e.g. region=EU) or baseUrl");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public MimecastDirectoryConfiguration copy() {
        try {
            return (MimecastDirectoryConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Lists the non-secret settings only: secrets never reach logs through this. */
    @Override
    public String toString() {
        return "MimecastDirectoryConfiguration[authMode=" + authMode + ", baseUrl=" + baseUrl + ", region=" + region
               + ", appId=" + appId + ", proxyHost=" + proxyHost + ", proxyPort=" + proxyPort
               + ", groupId=" + groupId + ", pageSize=" + pageSize + ", paginate=" + paginate + "]";
    }
}
