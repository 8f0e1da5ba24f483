import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The floor of a JVM proxy hop on this machine, for bench/gateway/cpu.sh (BENCH_FLOOR=1): the least a Vert.x proxy
 * can do per request, on the same Vert.x, Netty and transport as the gateway. One verticle per event loop, each with
 * its own keep-alive pool to the origin; request headers copied minus Connection/Host, the whole answer read and
 * written with one end(buffer), its headers copied. No router, no security, no metrics, no timeouts, no breaker,
 * no cache: what the gateway costs beyond this is what its features cost.
 *
 * Run with the gateway's own libraries: java -cp "gateway/target/quarkus-app/lib/main/*" FloorProxy.java PORT ORIGIN_PORT
 */
public class FloorProxy extends AbstractVerticle {

    private final int port;
    private final int originPort;

    FloorProxy(int port, int originPort) {
        this.port = port;
        this.originPort = originPort;
    }

    @Override
    public void start() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64)
                .setDefaultHost("127.0.0.1").setDefaultPort(originPort));
        vertx.createHttpServer(new HttpServerOptions().setAcceptBacklog(4096)).requestHandler(request -> {
            MultiMap headers = HttpHeaders.headers().addAll(request.headers());
            headers.remove(HttpHeaders.CONNECTION).remove(HttpHeaders.HOST);
            client.request(new RequestOptions().setMethod(request.method()).setURI(request.uri()).setHeaders(headers))
                    .compose(upstream -> upstream.send())
                    .compose(response -> response.body().onSuccess(body -> {
                        var answer = request.response().setStatusCode(response.statusCode());
                        answer.headers().addAll(response.headers()).remove(HttpHeaders.CONNECTION);
                        answer.end(body);
                    }))
                    .onFailure(error -> request.response().setStatusCode(502).end());
        }).listen(port, "127.0.0.1");
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int originPort = Integer.parseInt(args[1]);
        int loops = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new FloorProxy(port, originPort), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("floor proxy on " + port + " → " + originPort + ", transport "
                        + (vertx.isNativeTransportEnabled() ? "native" : "NIO")))
                .onFailure(error -> {
                    error.printStackTrace();
                    System.exit(1);
                });
    }
}
