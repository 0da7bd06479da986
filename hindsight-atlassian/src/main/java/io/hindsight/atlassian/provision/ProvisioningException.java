package io.hindsight.atlassian.provision;

/** Provisioning stopped; the message says which step and what the admin can do about it. */
public class ProvisioningException extends RuntimeException {
    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
