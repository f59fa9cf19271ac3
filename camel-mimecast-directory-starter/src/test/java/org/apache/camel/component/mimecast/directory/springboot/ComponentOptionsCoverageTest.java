package org.apache.camel.component.mimecast.directory.springboot;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.util.ClassUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the hand-written starter to the component's generated catalog entry (the JSON the Camel build writes from
 * the component's {@code @UriParam}s, read here from the component jar): every component option must be a Spring Boot
 * property of the same type and default, described in the configuration metadata IDEs read, and every property must
 * be an option (Camel's property copying drops unknown names without a word).
 */
class ComponentOptionsCoverageTest {

    private static final String CATALOG_JSON
            = "META-INF/org/apache/camel/component/mimecast/directory/mimecast-directory.json";
    private static final String PREFIX = "camel.component.mimecast-directory.";
    /** Properties of the auto-configuration itself (ComponentConfigurationPropertiesCommon), not component options. */
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode componentOptions;
    private static final BeanWrapper STARTER = new BeanWrapperImpl(new MimecastDirectoryComponentConfiguration());

    @BeforeAll
    static void readCatalog() throws Exception {
        componentOptions = read(CATALOG_JSON).get("componentProperties");
        assertTrue(componentOptions.size() > 30, "the catalog lists the component's options: " + componentOptions);
    }

    @Test
    void everyComponentOptionIsAPropertyOfTheSameType() {
        List<String> problems = new ArrayList<>();
        componentOptions.properties().forEach(option -> {
            String name = option.getKey();
            if (!STARTER.isReadableProperty(name) || !STARTER.isWritableProperty(name)) {
                problems.add(name + ": no property (add a field with getter and setter to "
                             + MimecastDirectoryComponentConfiguration.class.getSimpleName() + ")");
                return;
            }
            String catalogType = erased(option.getValue().get("javaType").asText());
            Class<?> propertyType = STARTER.getPropertyType(name);
            if (!ClassUtils.resolvePrimitiveIfNecessary(loadType(catalogType)).equals(propertyType)) {
                problems.add(name + ": type " + propertyType.getName() + ", the component's is " + catalogType);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyDefaultIsTheComponentsDefault() {
        List<String> problems = new ArrayList<>();
        componentOptions.properties().forEach(option -> {
            JsonNode catalogDefault = option.getValue().get("defaultValue");
            Object starterDefault = STARTER.isReadableProperty(option.getKey())
                    ? STARTER.getPropertyValue(option.getKey()) : null;
            String expected = catalogDefault == null ? null : catalogDefault.asText();
            String actual = starterDefault == null ? null : starterDefault.toString();
            if (!java.util.Objects.equals(expected, actual)) {
                problems.add(option.getKey() + ": default " + actual + ", the component's is " + expected);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPropertyIsAComponentOption() {
        Set<String> unknown = new TreeSet<>();
        for (PropertyDescriptor property : STARTER.getPropertyDescriptors()) {
            String name = property.getName();
            if (!"class".equals(name) && !STARTER_ONLY.contains(name) && !componentOptions.has(name)) {
                unknown.add(name);
            }
        }
        assertEquals(Set.of(), unknown, "properties the component would silently ignore");
    }

    @Test
    void everyOptionIsInTheConfigurationMetadataWithItsDescription() throws Exception {
        Map<String, JsonNode> metadata = new HashMap<>();
        read("META-INF/spring-configuration-metadata.json").get("properties")
                .forEach(p -> metadata.put(p.get("name").asText(), p));
        List<String> problems = new ArrayList<>();
        componentOptions.properties().forEach(option -> {
            String key = PREFIX + StringHelper.camelCaseToDash(option.getKey());
            JsonNode entry = metadata.get(key);
            if (entry == null || !entry.hasNonNull("description")) {
                problems.add(key + (entry == null ? ": missing" : ": no description"));
                return;
            }
            // The Javadoc starts with the catalog description (object options add how to refer to a bean).
            String firstWords = option.getValue().get("description").asText().split("\\.")[0].replace("\\/", "/");
            if (!entry.get("description").asText().replaceAll("\\s+", " ").startsWith(firstWords)) {
                problems.add(key + ": described as '" + entry.get("description").asText() + "'");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void secretsAreMarkedSecretInTheCatalog() {
        // The starter relies on the component for masking; a secret option that lost its flag would show in URIs.
        for (String secret : List.of("accessKey", "secretKey", "appKey", "clientSecret", "proxyAuthUsername",
                "proxyAuthPassword")) {
            assertTrue(componentOptions.get(secret).get("secret").asBoolean(), secret);
        }
        MimecastDirectoryComponentConfiguration configuration = new MimecastDirectoryComponentConfiguration();
        configuration.setSecretKey("the-secret-key");
        configuration.setClientSecret("the-client-secret");
        assertFalse(configuration.toString().contains("the-secret"), configuration.toString());
    }

    private static String erased(String javaType) {
        int generic = javaType.indexOf('<');
        return generic < 0 ? javaType : javaType.substring(0, generic);
    }

    private static Class<?> loadType(String name) {
        try {
            return ClassUtils.forName(name, ComponentOptionsCoverageTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("The catalog names a type that is not on the classpath: " + name, e);
        }
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = ComponentOptionsCoverageTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is on the classpath");
            return JSON.readTree(in);
        }
    }
}
