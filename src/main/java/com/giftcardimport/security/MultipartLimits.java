package com.giftcardimport.security;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * How the servlet container reads a multipart body when asked to: the API's upload parses its own as it streams in
 * and the wizard's component sends a raw body, but Vaadin's upload handler still accepts a multipart one from a
 * hand-made request. Then: a file part up to the upload limit
 * ({@code app.upload.max-size}), the whole request up to that plus {@link RequestBodyLimitFilter#MULTIPART_FRAMING}
 * (other parts, boundaries, headers), and anything over 64 KB spooled to disk, never held in memory.
 */
@Configuration(proxyBeanMethods = false)
class MultipartLimits {

    @Bean
    MultipartConfigElement multipartConfigElement(@Value("${app.upload.max-size:2GB}") DataSize uploadLimit) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(uploadLimit);
        factory.setMaxRequestSize(DataSize.ofBytes(uploadLimit.toBytes() + RequestBodyLimitFilter.MULTIPART_FRAMING));
        factory.setFileSizeThreshold(DataSize.ofKilobytes(64));
        return factory.createMultipartConfig();
    }
}
