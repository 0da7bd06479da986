package io.hindsight.jira.schedule;

import java.net.InetAddress;
import java.util.UUID;

/**
 * This node's name in job leases: the host name plus a random part, so two app instances on one host (or a
 * restart) never mistake each other's leases. Node-private by nature: nothing shared is cached here.
 */
public final class NodeName {
    private final String value;

    public NodeName() {
        this(host() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    public NodeName(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }
}
