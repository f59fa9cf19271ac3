package org.apache.camel.component.mimecast.directory.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code mimecast-directory} component from {@code camel.component.mimecast-directory.*}, the way
 * Camel's generated starters do: a {@link ComponentCustomizer} copies the bound properties onto the component when
 * Camel creates it, next to the application's own customizers. Turned off with
 * {@code camel.component.mimecast-directory.enabled=false} (or {@code camel.component.enabled=false}); the copying
 * alone with {@code camel.component.mimecast-directory.customizer.enabled=false}.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, MimecastDirectoryComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({
        ComponentConfigurationProperties.class, MimecastDirectoryComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.mimecast-directory" })
public class MimecastDirectoryComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final MimecastDirectoryComponentConfiguration configuration;

    public MimecastDirectoryComponentAutoConfiguration(ApplicationContext applicationContext,
                                                       CamelContext camelContext,
                                                       MimecastDirectoryComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureMimecastDirectoryComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                // Non-null properties only, through the component's generated configurer (no reflection).
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", "camel.component.mimecast-directory.customizer")
                       && target instanceof MimecastDirectoryComponent;
            }
        };
    }
}
