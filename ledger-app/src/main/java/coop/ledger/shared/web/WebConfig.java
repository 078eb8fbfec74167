package coop.ledger.shared.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Registers the write-header resolver for every controller, and problem+json for requests Tomcat refuses. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    /** Requests Tomcat refuses before they reach Spring are answered as problem+json too. */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new WriteContextResolver());
    }
}
