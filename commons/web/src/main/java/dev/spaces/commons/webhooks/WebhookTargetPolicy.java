package dev.spaces.commons.webhooks;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import dev.spaces.commons.http.Cidr;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Guards against server-side request forgery through webhook URLs: only http(s), and every address the host
 * resolves to must be public unless it lies in an explicitly allowed network. Private (RFC 1918, unique local),
 * loopback, link-local (including cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, unspecified,
 * reserved and broadcast targets are refused, also when hidden in IPv6 forms that embed an IPv4 address. Senders
 * call {@link #resolve} on every attempt and connect to exactly the addresses it returned, so a DNS answer that
 * changes after the check (DNS rebinding) cannot redirect a delivery.
 */
public final class WebhookTargetPolicy {

    /** Host name → addresses; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that must not be called, with a reason that is safe to show to whoever configured it. */
    public static final class RefusedTarget extends RuntimeException {
        public RefusedTarget(String message) {
            super(message, null, false, false);
        }
    }

    /** A checked target: the URL and the addresses that may be connected to. */
    public record Target(URI uri, String host, int port, boolean tls, List<InetAddress> addresses) {
    }

    private final List<Cidr> allowed;
    private final Resolver resolver;

    public WebhookTargetPolicy(List<String> allowedNetworks, Resolver resolver) {
        this.allowed = allowedNetworks.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
        this.resolver = resolver;
    }

    public WebhookTargetPolicy(List<String> allowedNetworks) {
        this(allowedNetworks, InetAddress::getAllByName);
    }

    /** Syntax only (no DNS): absolute http(s) URL with a host, no user info, no fragment. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedTarget("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTarget("only http and https URLs are allowed");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedTarget("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedTarget("credentials in the URL are not allowed");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedTarget("a fragment is meaningless in a webhook URL");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new RefusedTarget("invalid port");
        }
        return uri;
    }

    /** Parses, resolves and checks every address; throws {@link RefusedTarget} when any is not allowed. */
    public Target resolve(String url) {
        URI uri = parse(url);
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new RefusedTarget("invalid host name");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(ascii);
        } catch (UnknownHostException e) {
            throw new RefusedTarget("the host " + host + " cannot be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedTarget("the host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            String why = refusal(address);
            if (why != null && allowed.stream().noneMatch(c -> c.contains(address))) {
                throw new RefusedTarget("the host " + host + " resolves to " + address.getHostAddress() + ", " + why
                        + " address");
            }
        }
        int port = uri.getPort() != -1 ? uri.getPort() : (tls ? 443 : 80);
        return new Target(uri, ascii, port, tls, List.copyOf(Arrays.asList(addresses)));
    }

    /** Why an address is not public, or null when it is. */
    static String refusal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                return refusal(embedded);
            }
            if ((b[0] & 0xFE) == 0xFC) {
                return "a unique-local (private)";
            }
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 0) {
                return "an unspecified";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "a carrier-grade NAT (private)";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a benchmarking (private)";
            }
            if (first == 192 && second == 0 && (b[2] & 0xFF) == 0) {
                return "a protocol-assignment (reserved)";
            }
            if (first >= 240) {
                return "a reserved or broadcast";
            }
        }
        return null;
    }

    /** IPv4 inside IPv6: mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16. */
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        try {
            if (zeroPrefix && ((b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) || (b[10] == 0 && b[11] == 0
                    && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))))) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 2, 6));
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }
}
