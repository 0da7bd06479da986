package io.hindsight.server.web;

import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Whose word on the caller's address is taken: a trusted proxy's, and no one else's. */
public class TrustedProxiesTest {
    @Test
    public void withoutATrustedProxyTheCallerIsThePeerWhateverItClaims() {
        assertEquals("203.0.113.9", TrustedProxies.NONE.client("203.0.113.9", List.of("10.9.9.9")));
        assertEquals("10.0.0.2", TrustedProxies.parse("10.0.0.1").client("10.0.0.2", List.of("198.51.100.7")));
    }

    @Test
    public void behindATrustedProxyTheCallerIsTheRightMostAddressNotATrustedProxy() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.5");
        assertTrue(proxies.trusts("10.2.3.4"));
        assertFalse(proxies.trusts("11.0.0.1"));
        // the client wrote 1.2.3.4 itself; the edge proxy 192.168.1.5 appended what it saw, the inner proxy 10.0.0.7 what it saw
        assertEquals("198.51.100.7", proxies.client("10.0.0.7", List.of("1.2.3.4, 198.51.100.7, 192.168.1.5")));
        assertEquals("headers split over lines count as one list", "198.51.100.7", proxies.client("10.0.0.7", List.of("1.2.3.4", "198.51.100.7")));
        assertEquals("an address with a port", "198.51.100.7", proxies.client("10.0.0.7", List.of("198.51.100.7:51234")));
        assertEquals("2001:db8::1", proxies.client("10.0.0.7", List.of("[2001:db8::1]")));
        assertEquals("nothing believable: the proxy itself", "10.0.0.7", proxies.client("10.0.0.7", List.of("unknown")));
        assertEquals("no header: the proxy itself", "10.0.0.7", proxies.client("10.0.0.7", List.of()));
    }

    @Test
    public void aRangeThatIsNotOneSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/8,proxy.internal"));
        assertTrue(e.getMessage(), e.getMessage().contains("'proxy.internal' is not an IP address or CIDR range"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/40"));
        assertFalse(TrustedProxies.parse(" ").any());
        assertTrue(TrustedProxies.parse("::1").trusts("::1"));
    }
}
