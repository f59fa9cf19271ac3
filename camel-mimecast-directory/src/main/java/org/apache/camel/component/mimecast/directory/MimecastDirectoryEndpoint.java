package org.apache.camel.component.mimecast.directory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;
import org.apache.camel.component.mimecast.directory.consumer.MimecastDirectoryConsumer;
import org.apache.camel.component.mimecast.directory.producer.MimecastDirectoryProducer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Manage and watch Mimecast directory groups and their members.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "mimecast-directory", title = "Mimecast Directory",
             syntax = "mimecast-directory:operation", category = { Category.CLOUD, Category.API },
             headersClass = MimecastDirectoryConstants.class)
public class MimecastDirectoryEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** The consumer's default poll delay: 5 minutes. */
    public static final long DEFAULT_CONSUMER_DELAY = 5 * 60 * 1000L;

    @UriPath(enums = MimecastDirectoryOperation.NAMES,
             description = "The operation to perform; the consumer supports get-group-members")
    @Metadata(required = true)
    private MimecastDirectoryOperation operation;

    @UriParam
    private MimecastDirectoryConfiguration configuration;

    // Declared here, as Camel's own polling components do, so that the metadata and docs show the real default.
    @UriParam(defaultValue = "" + DEFAULT_CONSUMER_DELAY, javaType = "java.time.Duration", label = "consumer,scheduler",
              description = "Milliseconds before the next poll.")
    private long delay = DEFAULT_CONSUMER_DELAY;

    private volatile MimecastClient client;
    private ExecutorService callExecutor;

    public MimecastDirectoryEndpoint(String uri, MimecastDirectoryComponent component,
                                     MimecastDirectoryOperation operation, MimecastDirectoryConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
        // Mimecast limits calls per hour: poll every few minutes unless told otherwise.
        setDelay(DEFAULT_CONSUMER_DELAY);
    }

    /**
     * Milliseconds before the next poll.
     */
    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    @Override
    public MimecastDirectoryComponent getComponent() {
        return (MimecastDirectoryComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new MimecastDirectoryProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        MimecastDirectoryConsumer consumer = new MimecastDirectoryConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Eager, so that incomplete options fail the route at start-up.
        getClient();
    }

    @Override
    protected void doStop() throws Exception {
        ExecutorService executor;
        synchronized (this) {
            executor = callExecutor;
            callExecutor = null;
        }
        if (executor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(executor);
        }
        synchronized (this) {
            // Its resources (deadline timer, quota lease) end with the component: a restart makes a new client.
            client = null;
        }
        super.doStop();
    }

    /**
     * The threads that overlap this endpoint's independent calls (batches of a bulk write, groups of a poll), twice
     * maxConcurrentCalls (the calls in flight stay at maxConcurrentCalls); null when that is 1, so that calls run one
     * after the other on the caller's thread.
     */
    public synchronized ExecutorService getCallExecutor() {
        if (configuration.getMaxConcurrentCalls() <= 1) {
            return null;
        }
        if (callExecutor == null) {
            // Abort, not Camel's default CallerRuns: a pool being shut down would silently drop the task and leave its
            // caller waiting; a rejected task runs on the caller's thread instead (see ParallelCalls).
            // Twice as many threads as calls in flight (the call slots hold those at maxConcurrentCalls): a group
            // between two of its pages then never leaves a call slot idle while another group has a page to read.
            int threads = 2 * configuration.getMaxConcurrentCalls();
            ThreadPoolProfile profile = new ThreadPoolProfile("MimecastDirectoryCalls");
            profile.setPoolSize(threads);
            profile.setMaxPoolSize(threads);
            profile.setMaxQueueSize(-1);
            // Kept alive between polls and batches: a thread created per call costs more than the call's overhead.
            profile.setKeepAliveTime(60L);
            profile.setTimeUnit(TimeUnit.SECONDS);
            profile.setAllowCoreThreadTimeOut(false);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            callExecutor = getCamelContext().getExecutorServiceManager().newThreadPool(
                    this, "MimecastDirectoryCalls", profile);
        }
        return callExecutor;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl() != null ? configuration.getBaseUrl()
                : configuration.getRegion() != null ? configuration.getRegion().baseUrl() : null;
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }

    /**
     * The client, created when the endpoint starts, or on first use: an endpoint created while its CamelContext is
     * still starting (a consumer polling with initialDelay=0) has its own start deferred until the context started.
     */
    public MimecastClient getClient() {
        MimecastClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    client = current = getComponent().createClient(configuration);
                    getComponent().meters().clientStarted(operation, current);
                }
            }
        }
        return current;
    }

    /** The client if it was created already (the developer console must not create one), else null. */
    public MimecastClient getClientIfCreated() {
        return client;
    }

    public ObjectMapper getObjectMapper() {
        return getComponent().getObjectMapper();
    }

    /** The strict mapper of request bodies, one per component. */
    public ObjectMapper getRequestMapper() {
        return getComponent().getRequestMapper();
    }

    public MimecastDirectoryOperation getOperation() {
        return operation;
    }

    /**
     * The operation to perform
     */
    public void setOperation(MimecastDirectoryOperation operation) {
        this.operation = operation;
    }

    public MimecastDirectoryConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint options
     */
    public void setConfiguration(MimecastDirectoryConfiguration configuration) {
        this.configuration = configuration;
    }
}
