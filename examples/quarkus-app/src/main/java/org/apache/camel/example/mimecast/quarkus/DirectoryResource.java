package org.apache.camel.example.mimecast.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mimecast.directory.model.SyncResult;

/** The HTTP face of the YAML routes: Quarkus REST in, Camel routes to Mimecast. */
@Path("/directory")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    @Inject
    ProducerTemplate template;

    @GET
    @Path("/status")
    public DirectoryStatus status() {
        return template.requestBody("direct:directory-status", null, DirectoryStatus.class);
    }

    @POST
    @Path("/sync")
    public SyncResult sync() {
        return template.requestBody("direct:directory-sync", null, SyncResult.class);
    }
}
