package coop.ledger.shared.query;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every read endpoint refuses a query parameter it does not take. */
@Configuration(proxyBeanMethods = false)
class QueryParameterConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new UnknownParameterInterceptor());
    }
}
