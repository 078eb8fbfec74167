package coop.ledger.processing;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Puts the {@link CachedJsonConverter} right before the Jackson converter that writes JSON. */
@Configuration(proxyBeanMethods = false)
class CachedJsonConfig implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(CachedJsonConfig::insertBeforeJackson);
    }

    static void insertBeforeJackson(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof AbstractJacksonHttpMessageConverter<?> jackson
                    && jackson.canWrite(Object.class, MediaType.APPLICATION_JSON)) {
                converters.add(i, new CachedJsonConverter(jackson));
                return;
            }
        }
    }
}
