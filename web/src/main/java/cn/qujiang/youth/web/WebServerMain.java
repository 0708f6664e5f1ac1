package cn.qujiang.youth.web;

/**
 * {@code java -jar web/target/web.jar [--port=5173] [--app=mobile] [--api-base=http://127.0.0.1:8080]
 * [--keycloak-url=http://127.0.0.1:8180] [--realm=qujiang] [--client-id=youth-mobile] [--bind=127.0.0.1]};
 * {@code --app=console} serves the officers' console (defaults: port 5174, client hr-console).
 * The local stack starts the same server in its own process.
 */
public final class WebServerMain {
    private WebServerMain() {
    }

    public static void main(String[] args) {
        SiteConfig config;
        try {
            config = SiteConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        WebServer server = new WebServer(config).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("青年衢江 " + config.app() + " app: " + server.url());
    }
}
