package io.hindsight.server.cli;

import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.provision.ProvisioningException;
import io.hindsight.core.sync.SyncException;
import io.hindsight.server.queue.QueueException;

import java.util.List;
import java.util.Locale;

/**
 * What went wrong, as a person reads it, and the exit status that goes with it ({@link ExitCodes}). Every
 * command reports its failures through here, so the same failure reads and exits the same everywhere.
 *
 * @param exit    the exit status
 * @param message what happened and what to do, without the command's name
 */
record Failure(int exit, String message) {
    static Failure of(Throwable e) {
        if (e instanceof AtlassianException a) return atlassian(a, a.getMessage());
        // provisioning says which step it was on; the Jira or Confluence failure under it says what kind of failure
        if (e instanceof ProvisioningException p) {
            return p.getCause() instanceof AtlassianException a ? atlassian(a, p.getMessage()) : new Failure(ExitCodes.FINDINGS, p.getMessage());
        }
        if (e instanceof SyncException) return new Failure(ExitCodes.FINDINGS, e.getMessage());
        if (e instanceof QueueException) return new Failure(ExitCodes.UNREACHABLE, "the job database cannot be used: " + e.getMessage());
        if (e instanceof IllegalArgumentException) return new Failure(ExitCodes.USAGE, e.getMessage());
        return new Failure(ExitCodes.INTERNAL, "internal error (" + e + "); this is a bug in Hindsight: please report it with the stack trace above");
    }

    private static Failure atlassian(AtlassianException e, String message) {
        String product = e instanceof AtlassianException.Transport t ? t.product().orElse(productIn(message)) : productIn(message);
        if (e instanceof AtlassianException.Transport t) {
            // the address itself may be wrong: say which option holds it
            boolean address = switch (t.reason()) {
                case UNKNOWN_HOST, REFUSED, TLS, CONNECT_TIMEOUT -> true;
                default -> false;
            };
            return new Failure(ExitCodes.UNREACHABLE, address ? message + "; the address comes from " + urlOption(product) : message);
        }
        if (e instanceof AtlassianException.Unauthorized) {
            String p = product.toUpperCase(Locale.ROOT);
            return new Failure(ExitCodes.ACCESS, message + ". Hindsight signs in with HINDSIGHT_" + p + "_TOKEN (Data Center) or HINDSIGHT_" + p
                    + "_EMAIL with HINDSIGHT_" + p + "_API_TOKEN (Cloud)");
        }
        if (e instanceof AtlassianException.Forbidden) return new Failure(ExitCodes.ACCESS, message);
        if (e instanceof AtlassianException.ServerError || e instanceof AtlassianException.RateLimited || e instanceof AtlassianException.OutcomeUnknown) {
            return new Failure(ExitCodes.UNREACHABLE, message);
        }
        return new Failure(ExitCodes.FINDINGS, message);
    }

    /** "Jira" or "Confluence", from the start of the client's message ("Confluence answered 401 ..."). */
    private static String productIn(String message) {
        return message != null && message.startsWith("Confluence") ? "Confluence" : "Jira";
    }

    private static String urlOption(String product) {
        String name = product.toLowerCase(Locale.ROOT);
        return "--" + name + "-url (or HINDSIGHT_" + name.toUpperCase(Locale.ROOT) + "_URL, or " + name + "-url: in hindsight.yaml)";
    }

    /**
     * The exit status of a command that worked through several items: OK when all went well, PARTIAL when some
     * did, and otherwise the status of the first failure (they usually share a cause).
     */
    static int overall(int items, List<Failure> failures) {
        if (failures.isEmpty()) return ExitCodes.OK;
        if (failures.size() < items) return ExitCodes.PARTIAL;
        return failures.get(0).exit();
    }
}
