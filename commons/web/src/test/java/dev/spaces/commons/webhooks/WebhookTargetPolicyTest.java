package dev.spaces.commons.webhooks;

import dev.spaces.commons.webhooks.WebhookTargetPolicy.RefusedTarget;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookTargetPolicyTest {

    /** Resolves names from a map (literals as themselves), so DNS answers are under the test's control. */
    static WebhookTargetPolicy.Resolver dns(Map<String, String> answers) {
        return host -> {
            String answer = answers.get(host);
            if (answer == null) {
                if (host.matches("[0-9.]+|.*:.*")) {
                    return new InetAddress[]{InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            String[] parts = answer.split(",");
            InetAddress[] addresses = new InetAddress[parts.length];
            for (int i = 0; i < parts.length; i++) {
                addresses[i] = InetAddress.getByName(parts[i]);
            }
            return addresses;
        };
    }

    @Test
    void refusesEveryNonPublicTarget() {
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of(), dns(Map.of()));
        for (String url : List.of("http://127.0.0.1/", "http://127.8.9.10:8080/x", "http://[::1]/", "http://10.0.0.1/",
                "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                "http://[fe80::1]/", "http://[fd00:ec2::254]/", "http://0.0.0.0/", "http://[::]/", "http://224.0.0.1/",
                "http://[ff02::1]/", "http://100.64.0.1/", "http://255.255.255.255/", "http://240.0.0.1/",
                "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::a00:1]/", "http://[2002:a00:1::]/", "http://0.1.2.3/")) {
            assertThatThrownBy(() -> policy.resolve(url)).as(url).isInstanceOf(RefusedTarget.class)
                    .hasMessageContaining("resolves to");
        }
        assertThat(policy.resolve("https://93.184.215.14/hook").addresses()).hasSize(1);
        assertThat(policy.resolve("http://[2606:4700::1111]/").port()).isEqualTo(80);
    }

    @Test
    void onlyHttpAndHttpsWithAHost() {
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of(), dns(Map.of()));
        for (String url : List.of("ftp://example.com/", "file:///etc/passwd", "gopher://x/", "javascript:alert(1)",
                "http:///nohost", "not a url", "https://user:pw@example.com/", "http://example.com:0/")) {
            assertThatThrownBy(() -> policy.resolve(url)).as(url).isInstanceOf(RefusedTarget.class);
        }
        assertThatThrownBy(() -> policy.resolve("https://unknown.invalid/")).hasMessageContaining("cannot be resolved");
    }

    @Test
    void everyResolvedAddressCounts() {
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of(),
                dns(Map.of("mixed.example", "93.184.215.14,10.1.1.1")));
        assertThatThrownBy(() -> policy.resolve("https://mixed.example/")).hasMessageContaining("10.1.1.1");
    }

    @Test
    void allowListPermitsChosenNetworksOnly() {
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("127.0.0.0/8", "::1/128", "10.20.0.0/16"),
                dns(Map.of("search.internal", "10.20.3.4")));
        assertThat(policy.resolve("http://127.0.0.1:8083/hook").addresses().getFirst().getHostAddress())
                .isEqualTo("127.0.0.1");
        assertThat(policy.resolve("http://search.internal/hook").host()).isEqualTo("search.internal");
        assertThatThrownBy(() -> policy.resolve("http://10.21.0.1/")).isInstanceOf(RefusedTarget.class);
        assertThatThrownBy(() -> policy.resolve("http://169.254.169.254/")).isInstanceOf(RefusedTarget.class);
        assertThatThrownBy(() -> new WebhookTargetPolicy(List.of("localhost/8")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRebindingAnswerIsCaughtOnTheNextResolution() {
        AtomicReference<String> answer = new AtomicReference<>("93.184.215.14");
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of(),
                host -> new InetAddress[]{InetAddress.getByName(answer.get())});
        assertThat(policy.resolve("https://rebind.example/hook").addresses().getFirst().getHostAddress())
                .isEqualTo("93.184.215.14");
        answer.set("127.0.0.1");
        assertThatThrownBy(() -> policy.resolve("https://rebind.example/hook")).isInstanceOf(RefusedTarget.class)
                .hasMessageContaining("loopback");
    }
}
