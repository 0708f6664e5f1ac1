package cn.qujiang.youth.policy.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether the catalogue is still the shipped sample (the public API then says so on every list). */
@ConfigurationProperties("qujiang.policy.catalogue")
record CatalogueProperties(Boolean sample) {
    CatalogueProperties {
        sample = sample == null || sample;
    }
}
