package org.apache.camel.example.mimecast.ha;

import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.main.Main;

/**
 * One node of the members-ha example, {@code MembersHaNode <name>}: Camel Main with {@link MembersHaRoutes}, configured
 * by application.properties. Against the sandbox ({@link MembersHaSandbox}) unless {@code MIMECAST_ACCESS_KEY} is set;
 * then the profile {@code mimecast} reads real Mimecast and the PostgreSQL URL from the environment.
 */
public final class MembersHaNode {

    private MembersHaNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || args[0].isBlank()) {
            throw new IllegalArgumentException("Name the node: MembersHaNode node-1 (exec:java -Dexec.args=node-1)");
        }
        Main main = new Main();
        main.addInitialProperty("members-ha.node", args[0]);
        main.configure().setProfile(System.getenv("MIMECAST_ACCESS_KEY") == null ? "sandbox" : "mimecast");
        main.configure().addRoutesBuilder(MembersHaRoutes.class);
        // Bound here, not as a camel.beans property: Camel Main starts the cluster services it finds in the registry
        // before it creates those beans. application.properties configures it.
        main.bind("fileCluster", new FileLockClusterService());
        main.run();
    }
}
