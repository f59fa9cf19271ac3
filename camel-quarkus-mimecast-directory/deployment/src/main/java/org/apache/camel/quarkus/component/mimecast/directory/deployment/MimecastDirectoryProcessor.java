package org.apache.camel.quarkus.component.mimecast.directory.deployment;

import java.util.List;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;

/**
 * Build steps of the Mimecast Directory extension: the feature, the component jar in the index, TLS in native mode
 * (every call is HTTPS), and reflection for every model class Jackson reads or writes.
 */
class MimecastDirectoryProcessor {

    static final String FEATURE = "camel-mimecast-directory";
    static final String MODEL_PACKAGE = "org.apache.camel.component.mimecast.directory.model";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("io.github.camel-mimecast", "camel-mimecast-directory");
    }

    @BuildStep
    ExtensionSslNativeSupportBuildItem ssl() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    @BuildStep
    ReflectiveClassBuildItem registerModelForReflection(CombinedIndexBuildItem index) {
        return ReflectiveClassBuildItem.builder(modelClasses(index.getIndex()).toArray(String[]::new))
                .constructors().methods().fields().build();
    }

    /** Every class of the model package, nested ones included: records, requests, envelope, enums. */
    static List<String> modelClasses(IndexView index) {
        return index.getKnownClasses().stream()
                .map(ClassInfo::name)
                .map(Object::toString)
                .filter(name -> name.startsWith(MODEL_PACKAGE + "."))
                .sorted()
                .toList();
    }
}
