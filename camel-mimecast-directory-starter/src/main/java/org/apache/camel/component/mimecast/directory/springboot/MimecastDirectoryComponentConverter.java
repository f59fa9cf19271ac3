package org.apache.camel.component.mimecast.directory.springboot;

import java.util.Set;

import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastHttpClientConfigurer;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the options whose values are objects (configuration, stateRepository, sslContextParameters,
 * httpClientConfigurer) from a bean
 * reference in properties: {@code #bean:name} or {@code #name}, as in Camel's own starters.
 */
@AutoConfiguration
@ConfigurationPropertiesBinding
public class MimecastDirectoryComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(
            MimecastDirectoryConfiguration.class, StateRepository.class, SSLContextParameters.class,
            MimecastHttpClientConfigurer.class);

    private final ApplicationContext applicationContext;

    public MimecastDirectoryComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, MimecastDirectoryConfiguration.class),
                new ConvertiblePair(String.class, StateRepository.class),
                new ConvertiblePair(String.class, SSLContextParameters.class),
                new ConvertiblePair(String.class, MimecastHttpClientConfigurer.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !BEAN_TYPES.contains(targetType.getType())) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("Refer to a " + targetType.getType().getSimpleName()
                                               + " bean as #bean:name (got " + ref + ")");
        }
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
