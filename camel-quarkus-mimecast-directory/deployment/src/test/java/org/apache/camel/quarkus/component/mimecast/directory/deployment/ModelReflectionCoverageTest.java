package org.apache.camel.quarkus.component.mimecast.directory.deployment;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.apache.camel.component.mimecast.directory.model.Group;
import org.apache.camel.component.mimecast.directory.model.MimecastResponse;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Native mode loses the fields of any class Jackson touches that is not registered for reflection. This proves the
 * processor registers every model class, and every component-owned type those classes reach.
 */
class ModelReflectionCoverageTest {

    private static final String COMPONENT_PACKAGE = "org.apache.camel.component.mimecast";

    @Test
    void everyModelClassIsRegistered() throws Exception {
        Path jar = Path.of(Group.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Indexer indexer = new Indexer();
        Set<String> inJar = new TreeSet<>();
        String modelDir = MimecastDirectoryProcessor.MODEL_PACKAGE.replace('.', '/') + "/";
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        indexer.index(in);
                    }
                    if (entry.getName().startsWith(modelDir)) {
                        inJar.add(entry.getName().replace('/', '.').replace(".class", "").replace('$', '.'));
                    }
                }
            }
        }
        Index index = indexer.complete();

        List<String> registered = MimecastDirectoryProcessor.modelClasses(index);

        Set<String> registeredNames = new TreeSet<>();
        registered.forEach(name -> registeredNames.add(name.replace('$', '.')));
        assertEquals(inJar, registeredNames, "every class file of the model package");
        assertTrue(registered.size() >= 20, "records, requests, envelope and enums: " + registered);
        assertTrue(registered.contains(MimecastResponse.class.getName()));
    }

    @Test
    void everyTypeReachableFromTheModelIsRegistered() throws Exception {
        Set<String> registered = new HashSet<>();
        for (String name : MimecastDirectoryProcessor.modelClasses(indexOfComponentJar())) {
            registered.add(name);
        }
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (String name : registered) {
            pending.add(Class.forName(name));
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (!seen.add(type) || !type.isRecord()) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                for (Class<?> reached : classesOf(component.getGenericType())) {
                    if (reached.getName().startsWith(COMPONENT_PACKAGE)) {
                        assertTrue(registered.contains(reached.getName()),
                                type.getSimpleName() + "." + component.getName() + " needs " + reached.getName());
                        pending.add(reached);
                    }
                }
            }
        }
        assertTrue(seen.size() >= 20, "walked the model graph: " + seen.size());
    }

    private static Index indexOfComponentJar() throws Exception {
        Path jar = Path.of(Group.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Indexer indexer = new Indexer();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    indexer.index(in);
                }
            }
        }
        return indexer.complete();
    }

    private static Set<Class<?>> classesOf(Type type) {
        Set<Class<?>> classes = new HashSet<>();
        if (type instanceof Class<?> c) {
            classes.add(c);
        } else if (type instanceof ParameterizedType p) {
            classes.addAll(classesOf(p.getRawType()));
            for (Type argument : p.getActualTypeArguments()) {
                classes.addAll(classesOf(argument));
            }
        }
        return classes;
    }
}
