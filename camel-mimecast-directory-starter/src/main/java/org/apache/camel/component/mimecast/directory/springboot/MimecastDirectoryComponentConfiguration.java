package org.apache.camel.component.mimecast.directory.springboot;

import org.apache.camel.component.mimecast.directory.AuthMode;
import org.apache.camel.component.mimecast.directory.ConsumerMode;
import org.apache.camel.component.mimecast.directory.MimecastHttpClientConfigurer;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastRegion;
import org.apache.camel.component.mimecast.directory.RemovalConfirmation;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Manage and watch Mimecast directory groups and their members: the component options as Spring Boot properties
 * under {@code camel.component.mimecast-directory}, one field per option of the component's catalog entry (its
 * description as Javadoc, for the configuration metadata and IDE completion).
 * <p>
 * Written by hand in the shape of the starters Camel generates; {@code ComponentOptionsCoverageTest} fails when the
 * component gains an option that is not mapped here. It has no {@code toString} on purpose: it holds the secrets
 * (accessKey, secretKey, appKey, clientId, clientSecret).
 */
@ConfigurationProperties(prefix = "camel.component.mimecast-directory")
public class MimecastDirectoryComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The Mimecast API base URL, e.g. https://eu-api.mimecast.com. Overrides region; use it for the emulator or a
     * proxy.
     */
    private String baseUrl;

    /**
     * The options shared by every endpoint of this component. The option is a
     * org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration type: refer to a bean with
     * #bean:name.
     */
    private MimecastDirectoryConfiguration configuration;

    /**
     * The Mimecast ID of the group to read or change.
     */
    private String groupId;

    /**
     * A safeguard against mass removal; -1 switches it off. Producer, set-group-members: a plan that removes more than
     * this many members is refused before any write (500 when unset, in the spirit of Entra Connect's accidental-delete
     * prevention). Consumer, mode=changes: a poll that would report more than this many members of one group as
     * REMOVED emits and commits nothing for that group and marks the consumer unhealthy (no limit when unset: the
     * consumer only reports what it read, after a strict read and a confirming read of removals).
     */
    private Integer maxRemovals;

    /**
     * The number of items per page for find-groups and get-group-members; Mimecast's default is 25.
     */
    private Integer pageSize;

    /**
     * find-groups: text the group name must contain.
     */
    private String query;

    /**
     * The data centre region of the Mimecast account; selects the API host unless baseUrl is set.
     */
    private MimecastRegion region;

    /**
     * find-groups: the group source to search, cloud or ldap.
     */
    private String source;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * Consumer: watch every group whose name find-groups matches with this query (with the source option), found
     * anew each poll. Use instead of, or with, groupId (which takes a comma separated list).
     */
    private String groupQuery;

    /**
     * Consumer: snapshot emits every page of members each poll; changes emits only the members added to or removed
     * from each group since the last completed poll.
     */
    private ConsumerMode mode = ConsumerMode.snapshot;

    /**
     * Consumer: emit one exchange per member (or per change) instead of one per page.
     */
    private Boolean splitMembers = false;

    /**
     * Consumer, mode=changes: a file to keep the membership state in, the easy way to survive restarts and crashes: a
     * snapshot replaced atomically plus an fsync'd journal of every completed exchange (files stateFile,
     * stateFile.journal and stateFile.lock). Routes naming the same file share one store; a second JVM is refused at
     * start-up. Ignored when stateRepository is set.
     */
    private String stateFile;

    /**
     * Consumer, mode=changes: how a member missing from a read is confirmed gone before it is reported REMOVED (a
     * member removed while the pages are read shifts later members to earlier pages, so one read can miss a member).
     * secondRead (default): the poll reads the group again at once and reports only members missing from both reads;
     * a poll that sees removals costs two reads of the group. nextPoll: the member is reported REMOVED by the next poll
     * if it is still missing then; no extra call (half the calls of such polls, against Mimecast's hourly quota), a
     * removal is reported one poll delay later, and a restart in between waits one more poll.
     */
    private RemovalConfirmation removalConfirmation = RemovalConfirmation.secondRead;

    /**
     * Consumer: at most this many exchanges per poll, as in Camel's other batch consumers (unlimited when unset or 0).
     * In mode=changes the changes not emitted are emitted by the next polls, each once; in mode=snapshot the poll just
     * stops early (the next poll reads the groups from the start).
     */
    private Integer maxMessagesPerPoll;

    /**
     * Consumer, mode=changes: any Camel StateRepository to keep each group's membership in (one key per group). It is
     * written after every completed exchange with the group's whole membership (gzip'd, about 3.5 bytes per member),
     * so that a restart repeats at most the exchange in flight; its atomicity is the repository's. A
     * JdbcMembershipRepository is recognised and keeps one row per member instead: each exchange writes only its
     * changes, and a write from a node that is no longer the writer of record is refused (for several nodes behind
     * master:, see docs/high-availability.md). Routes sharing the bean share one store. In memory when neither this
     * nor stateFile is set. The option is a
     * org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> type: refer to a bean with #bean:name.
     */
    private StateRepository<String, String> stateRepository;

    /**
     * create-group and update-group: the group name.
     */
    private String description;

    /**
     * add-group-member and remove-group-member: a member domain (or use emailAddress).
     */
    private String domain;

    /**
     * Producer, set-group-members: read the current members and return the plan (what would be added and removed)
     * without writing anything.
     */
    private Boolean dryRun = false;

    /**
     * Producer, set-group-members: let an empty wanted list empty the group. Off by default, so that a failed export
     * that produced an empty file leaves the group as it is (the call is refused before any write).
     */
    private Boolean allowEmpty = false;

    /**
     * add-group-member and remove-group-member: the member's email address (or use domain).
     */
    private String emailAddress;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * add-group-member: notes on the membership, at most 100 characters.
     */
    private String notes;

    /**
     * The page token to start from: the next token of an earlier call.
     */
    private String pageToken;

    /**
     * Whether to follow the next token to the last page and return every item in one body. Without it one page is
     * returned and the next token is in a header.
     */
    private Boolean paginate = false;

    /**
     * create-group and update-group: the Mimecast ID of the parent group (root if unset).
     */
    private String parentId;

    /**
     * Whether a write whose items partly fail (fail entries) throws MimecastApiException. If false the body is a
     * list of ItemResult, one per input item, and the failures are also in a header.
     */
    private Boolean throwOnItemFailure = true;

    /**
     * The largest number of items sent in one write request; longer lists are split into several requests and the
     * results merged in input order.
     */
    private Integer batchSize = 10;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * The timeout in milliseconds to establish a connection.
     */
    private Integer connectTimeout = 10000;

    /**
     * How many times a failed call is retried: server errors (5xx), I/O errors and timeouts count, HTTP 429 does not
     * (a 429 did not run and says when to come back: it is waited out within callTimeout). Reads and member writes
     * (add-group-member, remove-group-member: repeating them is harmless) are retried after any such failure;
     * create-group, update-group, delete-group and execute-sync only when the call certainly did not reach Mimecast
     * (no connection made), never once it may have been applied.
     */
    private Integer maxRetries = 3;

    /**
     * The longest single wait in milliseconds: for a rate limit to reset (X-RateLimit-Reset or Retry-After, capped at
     * Mimecast's hour) and between retries. A longer reset fails the call at once, before sending, with a retryable
     * MimecastApiException (HTTP 429) instead of blocking.
     */
    private Long maxRetryWait = 60000L;

    /**
     * The longest one HTTP exchange may take, in milliseconds, from connect to the last byte of the body: a server that
     * sends its reply slowly cannot hold a call longer than this.
     */
    private Integer responseTimeout = 30000;

    /**
     * The longest one operation call may take in milliseconds, its retries and rate limit waits included: no retry or
     * wait starts that would end later, and the last attempt is cut at this deadline.
     */
    private Long callTimeout = 300000L;

    /**
     * The most calls in flight at once for one API user (per component, host and access key or client id): the groups
     * of a poll and the batches of a bulk write overlap up to this many, and every endpoint of the user shares the
     * limit (the first endpoint to start sets it). 1 makes every call sequential. The user's rate limit quota is shared
     * further: by every component of the JVM that calls the same host with the same user.
     */
    private Integer maxConcurrentCalls = 6;

    /**
     * The share of Mimecast's per-user quota, in percent (0 to 90), to leave to other applications of the same API
     * user: calls wait for the window to reset once the remaining quota, less the calls in flight, falls to it.
     */
    private Integer rateLimitReserve = 0;

    /**
     * The first back-off in milliseconds between retries; it doubles per attempt, with jitter.
     */
    private Long retryBackoff = 1000L;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * The API 1.0 access key of the binding.
     */
    private String accessKey;

    /**
     * The application ID of the registered API application (sent as x-mc-app-id).
     */
    private String appId;

    /**
     * The application key of the registered API application; part of every signature, never sent.
     */
    private String appKey;

    /**
     * hmac signs every request with the API 1.0 keys (accessKey, secretKey, appId, appKey); oauth2 uses API 2.0
     * Bearer tokens from clientId and clientSecret. Only the options of the chosen mode may be set.
     */
    private AuthMode authMode = AuthMode.hmac;

    /**
     * authMode=oauth2: the API 2.0 client id.
     */
    private String clientId;

    /**
     * authMode=oauth2: the API 2.0 client secret.
     */
    private String clientSecret;

    /**
     * The API 1.0 secret key (Base64) that signs every request.
     */
    private String secretKey;

    /**
     * Custom TLS settings (trust store, protocols). The JVM default trust store and host name verification are used
     * when unset. The option is a org.apache.camel.support.jsse.SSLContextParameters type: refer to a bean with
     * #bean:name.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * authMode=oauth2: the OAuth 2.0 token endpoint; the base URL's /oauth/token when unset (the global gateway,
     * https://api.services.mimecast.com/oauth/token, unless baseUrl is set).
     */
    private String tokenUrl;

    /**
     * A bean that adjusts the Apache HttpClient builder and connection manager builder for what the options cannot
     * express, such as a custom route planner or a client certificate; it runs after the component's own settings.
     * Endpoints with different configurers, or different proxy options, never share a connection pool. The option is
     * a org.apache.camel.component.mimecast.directory.MimecastHttpClientConfigurer type: refer to a bean with
     * #bean:name.
     */
    private MimecastHttpClientConfigurer httpClientConfigurer;

    /**
     * The protocol spoken to the proxy, as camel-http names it: http (the usual proxy, also for HTTPS targets, which
     * are tunnelled) or https (a proxy that itself listens with TLS; its certificate is checked with
     * sslContextParameters or the JVM's trust store). Proxy authentication (Basic or Digest, whichever the proxy asks
     * for) is used whenever proxyAuthUsername and proxyAuthPassword are set.
     */
    private String proxyAuthScheme = "http";

    /**
     * The host name of the HTTP proxy every call goes through (Directory calls and OAuth 2.0 token requests alike),
     * with proxyPort. HTTPS is tunnelled with CONNECT, so TLS runs end to end: the proxy sees the host name and port,
     * never a request, a credential or a token. When set, the JVM's proxy settings (useSystemProperties) are not read.
     */
    private String proxyHost;

    /**
     * The port of the proxy that proxyHost names, e.g. 3128 or 8080.
     */
    private Integer proxyPort;

    /**
     * Whether, when proxyHost is not set, calls follow the JVM's proxy settings as Apache HttpClient reads them:
     * https.proxyHost and https.proxyPort (http.* for an http baseUrl), http.nonProxyHosts (hosts reached directly;
     * localhost and loopback addresses always), java.net.useSystemProxies, and the proxy credentials https.proxyUser and
     * https.proxyPassword. On by default, unlike camel-http's option of this name: the component only calls Mimecast's
     * public hosts, which is what a JVM-wide proxy is set for, and Java's own HTTP clients follow these settings too.
     * Set false to connect directly whatever the JVM says.
     */
    private Boolean useSystemProperties = true;

    /**
     * The password for the proxy that proxyHost names (with proxyAuthUsername); never logged or shown in a message.
     */
    private String proxyAuthPassword;

    /**
     * The user name for the proxy that proxyHost names (with proxyAuthPassword); offered only to that proxy.
     */
    private String proxyAuthUsername;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public MimecastDirectoryConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MimecastDirectoryConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public Integer getMaxRemovals() {
        return maxRemovals;
    }

    public void setMaxRemovals(Integer maxRemovals) {
        this.maxRemovals = maxRemovals;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public MimecastRegion getRegion() {
        return region;
    }

    public void setRegion(MimecastRegion region) {
        this.region = region;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getGroupQuery() {
        return groupQuery;
    }

    public void setGroupQuery(String groupQuery) {
        this.groupQuery = groupQuery;
    }

    public ConsumerMode getMode() {
        return mode;
    }

    public void setMode(ConsumerMode mode) {
        this.mode = mode;
    }

    public Integer getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(Integer maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public Boolean getSplitMembers() {
        return splitMembers;
    }

    public void setSplitMembers(Boolean splitMembers) {
        this.splitMembers = splitMembers;
    }

    public String getStateFile() {
        return stateFile;
    }

    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public RemovalConfirmation getRemovalConfirmation() {
        return removalConfirmation;
    }

    public void setRemovalConfirmation(RemovalConfirmation removalConfirmation) {
        this.removalConfirmation = removalConfirmation;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public Boolean getAllowEmpty() {
        return allowEmpty;
    }

    public void setAllowEmpty(Boolean allowEmpty) {
        this.allowEmpty = allowEmpty;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public void setEmailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getPageToken() {
        return pageToken;
    }

    public void setPageToken(String pageToken) {
        this.pageToken = pageToken;
    }

    public Boolean getPaginate() {
        return paginate;
    }

    public void setPaginate(Boolean paginate) {
        this.paginate = paginate;
    }

    public String getParentId() {
        return parentId;
    }

    public void setParentId(String parentId) {
        this.parentId = parentId;
    }

    public Boolean getThrowOnItemFailure() {
        return throwOnItemFailure;
    }

    public void setThrowOnItemFailure(Boolean throwOnItemFailure) {
        this.throwOnItemFailure = throwOnItemFailure;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Integer connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Long getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(Long maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public Integer getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Integer responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Long getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Integer getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public void setMaxConcurrentCalls(Integer maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public Integer getRateLimitReserve() {
        return rateLimitReserve;
    }

    public void setRateLimitReserve(Integer rateLimitReserve) {
        this.rateLimitReserve = rateLimitReserve;
    }

    public Long getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Long retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getAppKey() {
        return appKey;
    }

    public void setAppKey(String appKey) {
        this.appKey = appKey;
    }

    public AuthMode getAuthMode() {
        return authMode;
    }

    public void setAuthMode(AuthMode authMode) {
        this.authMode = authMode;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public MimecastHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(MimecastHttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public String getProxyAuthScheme() {
        return proxyAuthScheme;
    }

    public void setProxyAuthScheme(String proxyAuthScheme) {
        this.proxyAuthScheme = proxyAuthScheme;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Boolean getUseSystemProperties() {
        return useSystemProperties;
    }

    public void setUseSystemProperties(Boolean useSystemProperties) {
        this.useSystemProperties = useSystemProperties;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }
}
