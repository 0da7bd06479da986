package io.hindsight.jira.provision;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.message.I18nResolver;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.core.port.Schema;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.EngineSettings;
import io.hindsight.jira.config.HindsightConfig;
import io.hindsight.jira.config.Setting;
import io.hindsight.jira.jira.RunAs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Provisioning when the app is enabled and when an admin asks: one node at a time (a cluster lock, so two
 * nodes starting together do not both create the issue type), the report kept in the settings table for the
 * admin page. A failure is reported there, never thrown at Jira's start-up.
 */
public final class Provisioning {
    static final String LOCK = "io.hindsight.jira.provision";
    private final JiraProvisioner provisioner;
    private final AdminSettings settings;
    private final RunAs runAs;
    private final ClusterLockService locks;
    private final I18nResolver i18n;

    public Provisioning(JiraProvisioner provisioner, AdminSettings settings, RunAs runAs, ClusterLockService locks, I18nResolver i18n) {
        this.provisioner = provisioner;
        this.settings = settings;
        this.runAs = runAs;
        this.locks = locks;
        this.i18n = i18n;
    }

    /** @return the report's lines; one line saying so when another node is provisioning right now */
    public List<String> run() {
        List<String> lines;
        try {
            ClusterLock lock = locks.getLockForName(LOCK);
            if (!lock.tryLock()) return List.of(i18n.getText("hindsight.provision.busy"));
            try {
                lines = provisioner.provision(spec(), owner()).stream().map(provisioner::line).toList();
            } finally {
                lock.unlock();
            }
        } catch (RuntimeException e) {
            lines = List.of(provisioner.line(new JiraProvisioner.Step(JiraProvisioner.Status.FAILED,
                    i18n.getText("hindsight.provision.stopped", e.getClass().getSimpleName(), String.valueOf(e.getMessage())), "")));
        }
        // kept as text in the language it was made in: the admin who pressed Provision again, or the site's default at start-up
        Map<Setting, String> report = new EnumMap<>(Setting.class);
        report.put(Setting.PROVISIONING_REPORT, lines.stream().collect(Collectors.joining("\n")));
        settings.save(report, "hindsight");
        return lines;
    }

    /** The same spec {@code hindsight provision} applies, with this site's project and remediation label. */
    ProvisioningSpec spec() {
        HindsightConfig c = settings.config();
        List<String> labels = EngineSettings.policy(c.sloPolicyYaml()).labels();
        String project = c.postMortemProject().isBlank() ? "PM" : c.postMortemProject();
        return ProvisioningSpec.defaults(project, labels.isEmpty() ? Schema.TICKET_LABEL : labels.get(0), c.confluenceSpace());
    }

    private Optional<ApplicationUser> owner() {
        try {
            return Optional.of(runAs.user());
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    public List<String> lastReport() {
        return settings.get(Setting.PROVISIONING_REPORT).map(r -> List.of(r.split("\n"))).orElse(List.of());
    }
}
