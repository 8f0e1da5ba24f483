package dev.spaces.commons.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Finds the real client address behind reverse proxies. X-Forwarded-For is believed only hop by hop from
 * the right while the hop that added it is a configured trusted proxy, so a client cannot forge its address.
 */
public final class ClientAddresses {

    private final List<Cidr> trusted;

    public ClientAddresses(List<String> trustedProxyCidrs) {
        this.trusted = trustedProxyCidrs.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    public String resolve(String remoteAddress, String xForwardedFor) {
        String client = strip(remoteAddress);
        if (xForwardedFor == null || xForwardedFor.isBlank() || !isTrusted(client)) {
            return client;
        }
        String[] hops = xForwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = strip(hops[i].trim());
            if (!isLiteralAddress(hop)) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** The network a client is in for rate limiting: IPv4 /24, IPv6 /48. */
    public static String networkKey(String address) {
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            StringBuilder key = new StringBuilder(bytes.length == 4 ? "v4:" : "v6:");
            for (int i = 0; i < keep; i++) {
                key.append(String.format("%02x", bytes[i]));
            }
            return key.toString();
        } catch (UnknownHostException | RuntimeException e) {
            return "other:" + address;
        }
    }

    private boolean isTrusted(String address) {
        if (!isLiteralAddress(address)) {
            return false;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return trusted.stream().anyMatch(cidr -> cidr.contains(bytes));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String strip(String address) {
        if (address == null) {
            return "";
        }
        String a = address.trim();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end > 0 ? a.substring(1, end) : a;
        }
        // IPv4 with port
        if (a.indexOf(':') > 0 && a.indexOf(':') == a.lastIndexOf(':') && a.contains(".")) {
            return a.substring(0, a.indexOf(':'));
        }
        return a;
    }

    /** Only numeric literals: never trigger a DNS lookup for a forged header value. */
    private static boolean isLiteralAddress(String s) {
        return !s.isEmpty() && (s.matches("[0-9.]+") || (s.contains(":") && s.matches("[0-9a-fA-F:.]+")));
    }
}
