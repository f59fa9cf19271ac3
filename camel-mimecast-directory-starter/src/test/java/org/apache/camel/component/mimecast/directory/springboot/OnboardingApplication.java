package org.apache.camel.component.mimecast.directory.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The application of the starter tests: one route to the component, configured only by properties. */
@SpringBootApplication
class OnboardingApplication {

    @Bean
    RouteBuilder onboarding() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:onboard").to("mimecast-directory:add-group-member");
            }
        };
    }
}
