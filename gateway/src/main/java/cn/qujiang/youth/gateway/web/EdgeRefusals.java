package cn.qujiang.youth.gateway.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Installs {@link EmptyErrorBodies} on every connection, right after the HTTP codec. */
@Configuration(proxyBeanMethods = false)
class EdgeRefusals {

    @Bean
    NettyServerCustomizer emptyErrorBodies(Problems problems) {
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "qujiang.emptyErrorBodies",
                        new EmptyErrorBodies(problems));
            }
        });
    }
}
