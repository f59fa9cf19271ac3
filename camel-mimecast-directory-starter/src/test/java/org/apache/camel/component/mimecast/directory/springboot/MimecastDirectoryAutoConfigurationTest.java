package org.apache.camel.component.mimecast.directory.springboot;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mimecast.directory.AuthMode;
import org.apache.camel.component.mimecast.directory.ConsumerMode;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastHttpClientConfigurer;
import org.apache.camel.component.mimecast.directory.MimecastRegion;
import org.apache.camel.component.mimecast.directory.model.Group;
import org.apache.camel.component.mimecast.emulator.ForwardProxy;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auto-configuration as Spring Boot loads it (from the AutoConfiguration.imports file's classes), in small
 * application contexts: which properties reach the component, bean references, switching it off, and the
 * application's own customizers.
 */
class MimecastDirectoryAutoConfigurationTest {

    private static final String PREFIX = "camel.component.mimecast-directory.";

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CamelAutoConfiguration.class, MimecastDirectoryComponentConverter.class,
                    MimecastDirectoryComponentAutoConfiguration.class));

    @Test
    void propertiesReachTheComponentConfiguration() {
        runner.withPropertyValues(PREFIX + "region=US", PREFIX + "auth-mode=oauth2", PREFIX + "client-id=my-client",
                PREFIX + "client-secret=s3cr3t+/=", PREFIX + "token-url=https://proxy.example/oauth/token",
                PREFIX + "mode=changes", PREFIX + "max-removals=5", PREFIX + "page-size=100",
                PREFIX + "connect-timeout=2000", PREFIX + "retry-backoff=50", PREFIX + "split-members=true",
                PREFIX + "dry-run=true", PREFIX + "throw-on-item-failure=false", PREFIX + "state-file=target/x.state")
                .run(context -> {
                    MimecastDirectoryConfiguration config = componentConfiguration(context);
                    assertEquals(MimecastRegion.US, config.getRegion());
                    assertEquals(AuthMode.oauth2, config.getAuthMode());
                    assertEquals("my-client", config.getClientId());
                    assertEquals("s3cr3t+/=", config.getClientSecret(), "a secret reaches the component unchanged");
                    assertEquals("https://proxy.example/oauth/token", config.getTokenUrl());
                    assertEquals(ConsumerMode.changes, config.getMode());
                    assertEquals(5, config.getMaxRemovals());
                    assertEquals(100, config.getPageSize());
                    assertEquals(2000, config.getConnectTimeout());
                    assertEquals(50L, config.getRetryBackoff());
                    assertTrue(config.isSplitMembers());
                    assertTrue(config.isDryRun());
                    assertEquals(false, config.isThrowOnItemFailure());
                    assertEquals("target/x.state", config.getStateFile());
                    assertEquals(30000, config.getResponseTimeout(), "unset: the component's default");
                });
    }

    @Test
    void objectOptionsReferToBeans() {
        runner.withUserConfiguration(SharedBeans.class)
                .withPropertyValues(PREFIX + "state-repository=#bean:memberState",
                        PREFIX + "ssl-context-parameters=#tls")
                .run(context -> {
                    MimecastDirectoryConfiguration config = componentConfiguration(context);
                    assertSame(context.getBean("memberState"), config.getStateRepository());
                    assertSame(context.getBean("tls"), config.getSslContextParameters());
                });
    }

    @Test
    void aValueThatIsNotABeanReferenceFailsNamingTheFix() {
        runner.withPropertyValues(PREFIX + "state-repository=memberState").run(context -> {
            assertTrue(context.getStartupFailure() != null, "the context must not start");
            assertTrue(rootMessage(context.getStartupFailure()).contains("#bean:name"),
                    rootMessage(context.getStartupFailure()));
        });
    }

    @Test
    void aValueOutsideAnEnumFailsAtStartupNamingTheProperty() {
        runner.withPropertyValues(PREFIX + "auth-mode=oauth3").run(context -> {
            assertTrue(context.getStartupFailure() != null, "the context must not start");
            String messages = messages(context.getStartupFailure());
            assertTrue(messages.contains(PREFIX + "auth-mode"), messages);
            assertTrue(messages.contains("oauth3"), messages);
        });
    }

    @Test
    void theApplicationsCustomizersApplyAfterTheProperties() {
        runner.withUserConfiguration(ApplicationCustomizer.class)
                .withPropertyValues(PREFIX + "page-size=100", PREFIX + "base-url=http://from-properties")
                .run(context -> {
                    MimecastDirectoryConfiguration config = componentConfiguration(context);
                    assertEquals(100, config.getPageSize());
                    assertEquals("http://overridden-by-customizer", config.getBaseUrl());
                });
    }

    @Test
    void switchedOffByItsEnabledProperty() {
        runner.withPropertyValues(PREFIX + "enabled=false", PREFIX + "base-url=http://ignored").run(context -> {
            assertTrue(context.getBeansOfType(MimecastDirectoryComponentAutoConfiguration.class).isEmpty());
            assertNull(componentConfiguration(context).getBaseUrl());
        });
    }

    @Test
    void propertyCopyingSwitchedOffByItsCustomizerProperty() {
        runner.withPropertyValues(PREFIX + "customizer.enabled=false", PREFIX + "base-url=http://ignored")
                .run(context -> assertNull(componentConfiguration(context).getBaseUrl()));
    }

    @Test
    void apiTwoCredentialsFromPropertiesCallTheEmulator() {
        MimecastEmulator emulator = mimecast.emulator();
        emulator.directory().createGroup("Sales");
        runner.withPropertyValues(properties(emulator.oauth2ComponentOptions())).run(context -> {
            CamelContext camel = context.getBean(CamelContext.class);
            List<?> groups = camel.createProducerTemplate()
                    .requestBody("mimecast-directory:find-groups?query=Sales", null, List.class);
            assertEquals("Sales", ((Group) groups.get(0)).description());
            assertEquals(1, emulator.tokensIssued(), "API 2.0: one token from the emulator's token endpoint");
            assertTrue(emulator.requests("find-groups").get(0).header("Authorization").startsWith("Bearer "));
        });
    }

    @Test
    void proxyPropertiesSendTheCallsThroughTheProxy() {
        MimecastEmulator emulator = mimecast.emulator();
        emulator.directory().createGroup("Sales");
        try (ForwardProxy proxy = ForwardProxy.builder().credentials("proxy-user", "proxy-pa55").build().start()) {
            runner.withUserConfiguration(SharedBeans.class)
                    .withPropertyValues(properties(emulator.componentOptions()))
                    .withPropertyValues(PREFIX + "proxy-host=" + proxy.host(), PREFIX + "proxy-port=" + proxy.port(),
                            PREFIX + "proxy-auth-username=proxy-user", PREFIX + "proxy-auth-password=proxy-pa55",
                            PREFIX + "use-system-properties=false", PREFIX + "http-client-configurer=#bean:configurer")
                    .run(context -> {
                        MimecastDirectoryConfiguration config = componentConfiguration(context);
                        assertEquals(proxy.port(), config.getProxyPort());
                        assertEquals("http", config.getProxyAuthScheme(), "unset: the component's default");
                        assertEquals(false, config.isUseSystemProperties());
                        assertSame(context.getBean("configurer"), config.getHttpClientConfigurer());
                        List<?> groups = context.getBean(CamelContext.class).createProducerTemplate()
                                .requestBody("mimecast-directory:find-groups?query=Sales", null, List.class);
                        assertEquals(1, groups.size());
                        assertEquals(1, proxy.forwarded(), "through the proxy: " + proxy.requestLines());
                    });
        }
    }

    static String[] properties(Map<String, String> componentOptions) {
        return componentOptions.entrySet().stream()
                .map(e -> PREFIX + org.apache.camel.util.StringHelper.camelCaseToDash(e.getKey()) + "=" + e.getValue())
                .toArray(String[]::new);
    }

    private static MimecastDirectoryConfiguration componentConfiguration(AssertableApplicationContext context) {
        assertNull(context.getStartupFailure());
        return context.getBean(CamelContext.class).getComponent("mimecast-directory", MimecastDirectoryComponent.class)
                .getConfiguration();
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Configuration(proxyBeanMethods = false)
    static class SharedBeans {
        @Bean
        StateRepository<String, String> memberState() {
            return new MemoryStateRepository();
        }

        @Bean
        SSLContextParameters tls() {
            return new SSLContextParameters();
        }

        @Bean
        MimecastHttpClientConfigurer configurer() {
            return new MimecastHttpClientConfigurer() {
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ApplicationCustomizer {
        @Bean
        ComponentCustomizer myMimecastCustomizer() {
            return ComponentCustomizer.builder(MimecastDirectoryComponent.class)
                    .withOrder(ComponentCustomizer.LOWEST)
                    .build(component -> component.getConfiguration().setBaseUrl("http://overridden-by-customizer"));
        }
    }
}
