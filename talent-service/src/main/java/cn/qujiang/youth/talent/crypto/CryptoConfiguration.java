package cn.qujiang.youth.talent.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cipher and the blind index fail the start when a key is missing or malformed, not the first request. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    FieldCipher fieldCipher(CryptoProperties properties) {
        return new FieldCipher(properties);
    }

    @Bean
    BlindIndex blindIndex(CryptoProperties properties) {
        return new BlindIndex(properties);
    }
}
