package org.apache.camel.example.mimecast.ha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.example.mimecast.support.DemoMimecast;
import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.main.Main;

/**
 * One node of the members-ha example, {@code MembersHaNode <name>}: Camel Main with {@link MembersHaRoutes}, configured
 * by application.properties. Against the sandbox ({@link MembersHaSandbox}, the profile {@code sandbox}) unless a
 * {@code MIMECAST_*} variable is set; then the profile {@code mimecast} reads real Mimecast and the PostgreSQL
 * connection from the environment (DemoMimecast's rule decides, and checks that the run has what it needs).
 */
public final class MembersHaNode {

    static final String JDBC_URL = "MEMBERS_HA_JDBC_URL";
    static final String DB_PASSWORD = "MEMBERS_HA_DB_PASSWORD";
    /** What a real run needs besides the connection to Mimecast. */
    static final List<String> REAL_RUN_NEEDS = List.of("MIMECAST_GROUP_ID", JDBC_URL);
    /** A real run's database and lock directory, which the sandbox's nodes must not use. */
    static final List<String> REAL_SYSTEMS = List.of(JDBC_URL, DB_PASSWORD, "MEMBERS_HA_CLUSTER_DIR");

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("[?&;]password=", Pattern.CASE_INSENSITIVE);

    private MembersHaNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || args[0].isBlank()) {
            throw new IllegalArgumentException("Name the node: MembersHaNode node-1 (exec:java -Dexec.args=node-1)");
        }
        Map<String, String> env = System.getenv();
        Target target = target(env);
        Main main = new Main();
        main.addInitialProperty("members-ha.node", args[0]);
        if (target == Target.DEMO) {
            requireSandbox(env);
            main.configure().setProfile("sandbox");
        } else {
            DemoMimecast.realMimecast(main, target);
        }
        main.configure().addRoutesBuilder(MembersHaRoutes.class);
        // Bound here, not as a camel.beans property: Camel Main starts the cluster services it finds in the registry
        // before it creates those beans. application.properties configures it.
        main.bind("fileCluster", new FileLockClusterService());
        main.run();
    }

    /**
     * A sandbox node reads the sandbox's sandbox.properties: without it Camel would only say that a property key
     * (sandbox.jdbc-url) is not found.
     */
    static void requireSandbox(Map<String, String> env) {
        Path properties = MembersHaSandbox.propertiesFile(env);
        if (!Files.isRegularFile(properties)) {
            throw new IllegalStateException("No sandbox here: start the sandbox first (looked in " + properties
                                            + "), from the same directory as the nodes: "
                                            + MembersHaSandbox.START_COMMAND);
        }
    }

    /** The sandbox or real Mimecast, as the environment says (DemoMimecast's rule). */
    static Target target(Map<String, String> env) {
        refusePasswordInJdbcUrl(env);
        return DemoMimecast.target(env, REAL_RUN_NEEDS, REAL_SYSTEMS);
    }

    /**
     * Camel Main logs the values of its properties that come from the environment at startup, so the JDBC URL
     * (members-ha.jdbc-url, from MEMBERS_HA_JDBC_URL) appears in the log: the password has its own variable, whose
     * property Camel masks.
     */
    static void refusePasswordInJdbcUrl(Map<String, String> env) {
        String url = env.get(JDBC_URL);
        if (url != null && PASSWORD_PARAMETER.matcher(url).find()) {
            throw new IllegalStateException(JDBC_URL + " holds a password, which Camel would log with the URL at "
                                            + "startup: remove it from the URL and set " + DB_PASSWORD + " instead");
        }
    }
}
