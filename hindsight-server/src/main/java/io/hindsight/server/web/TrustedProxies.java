package io.hindsight.server.web;

import org.eclipse.jetty.util.InetAddressSet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reverse proxies whose forwarding headers are believed ({@code --trusted-proxy}). Without one, the
 * caller is the peer of the connection, whatever it writes in X-Forwarded-For: otherwise anyone could
 * give each wrong token a fresh address, or pose as the proxy's HTTPS. Behind a trusted proxy, the caller
 * is the right-most address in X-Forwarded-For that is not itself a trusted proxy (proxies append; the
 * left part is whatever the client wrote).
 */
public final class TrustedProxies {
    /** Believes no forwarding header: the service is reached directly. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<String> ranges;
    private final InetAddressSet set = new InetAddressSet();

    private TrustedProxies(List<String> ranges) {
        this.ranges = List.copyOf(ranges);
        ranges.forEach(set::add);
    }

    /**
     * @param spec addresses or CIDR ranges, comma-separated: {@code 10.0.0.5,10.1.0.0/16,::1}
     * @throws IllegalArgumentException naming the entry that is not an address or range
     */
    public static TrustedProxies parse(String spec) {
        if (spec == null || spec.isBlank()) return NONE;
        List<String> ranges = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            String address = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
            String bits = p.contains("/") ? p.substring(p.indexOf('/') + 1) : null;
            // literal addresses only: a host name here would be looked up in DNS, and could change under us
            if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*") || (bits != null && !bits.matches("[0-9]{1,3}"))) {
                throw new IllegalArgumentException("--trusted-proxy: '" + p + "' is not an IP address or CIDR range such as 10.0.0.0/8");
            }
            try {
                int max = InetAddress.getByName(address).getAddress().length * 8;
                if (bits != null && Integer.parseInt(bits) > max) throw new IllegalArgumentException("--trusted-proxy: '" + p + "' has more than " + max + " bits");
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--trusted-proxy: '" + p + "' is not an IP address or CIDR range such as 10.0.0.0/8");
            }
            ranges.add(p.toLowerCase(Locale.ROOT));
        }
        return new TrustedProxies(ranges);
    }

    public boolean any() {
        return !ranges.isEmpty();
    }

    /** Whether the peer of a connection is a trusted proxy. */
    public boolean trusts(String peer) {
        if (ranges.isEmpty() || peer == null) return false;
        try {
            return set.test(InetAddress.getByName(strip(peer)));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The caller's address.
     *
     * @param peer         the address the connection comes from
     * @param forwardedFor every X-Forwarded-For header, in order
     */
    public String client(String peer, List<String> forwardedFor) {
        if (!trusts(peer) || forwardedFor.isEmpty()) return peer;
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) for (String hop : header.split(",")) if (!hop.isBlank()) hops.add(strip(hop.strip()));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!literal(hop)) return peer; // not an address (e.g. "unknown"): nothing further left can be believed
            if (!trusts(hop)) return hop;
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    private static boolean literal(String s) {
        return s.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    }

    /** {@code [::1]} and {@code 10.0.0.1:1234} as proxies write them. */
    private static String strip(String hop) {
        if (hop.startsWith("[") && hop.contains("]")) return hop.substring(1, hop.indexOf(']'));
        if (hop.indexOf(':') > 0 && hop.indexOf(':') == hop.lastIndexOf(':')) return hop.substring(0, hop.indexOf(':'));
        return hop;
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "none" : String.join(",", ranges);
    }
}
