package io.hindsight.jira.provision;

import com.atlassian.jira.bc.JiraServiceContextImpl;
import com.atlassian.jira.bc.filter.SearchRequestService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.context.GlobalIssueContext;
import com.atlassian.jira.issue.context.JiraContextNode;
import com.atlassian.jira.issue.customfields.CustomFieldSearcher;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.customfields.manager.OptionsManager;
import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.config.FieldConfig;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;
import com.atlassian.jira.issue.fields.screen.FieldScreen;
import com.atlassian.jira.issue.fields.screen.FieldScreenManager;
import com.atlassian.jira.issue.fields.screen.FieldScreenTab;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.issue.link.IssueLinkTypeManager;
import com.atlassian.jira.issue.search.SearchRequest;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.message.I18nResolver;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.core.model.Severity;
import org.ofbiz.core.entity.GenericEntityException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sets Jira up for Hindsight from inside it, idempotently: the second executor of {@code hindsight provision}'s
 * {@link ProvisioningSpec} (the first runs over REST). Everything is found by name first and created only when
 * missing, so enabling the app again changes nothing. What needs a judgement Hindsight should not make alone
 * (adding the type to a shared issue type scheme, the Kanban board, which Jira Software has no public Java API
 * for) comes back as a manual step with the exact settings. The severity field gets its options SEV1..SEV4 in
 * each of its contexts: without them "Start a post-mortem" cannot set the severity on a fresh site.
 */
public final class JiraProvisioner {
    /** One line of the report: what was found, made, or is left to an administrator; texts already in the reader's language. */
    public record Step(Status status, String what, String detail) {
    }

    public enum Status { EXISTS, CREATED, MANUAL, FAILED }

    private final IssueTypeManager issueTypes;
    private final CustomFieldManager customFields;
    private final OptionsManager options;
    private final FieldScreenManager screens;
    private final IssueLinkTypeManager linkTypes;
    private final SearchRequestService filters;
    private final SearchService search;
    private final I18nResolver i18n;

    public JiraProvisioner(IssueTypeManager issueTypes, CustomFieldManager customFields, OptionsManager options, FieldScreenManager screens,
                           IssueLinkTypeManager linkTypes, SearchRequestService filters, SearchService search, I18nResolver i18n) {
        this.issueTypes = issueTypes;
        this.customFields = customFields;
        this.options = options;
        this.screens = screens;
        this.linkTypes = linkTypes;
        this.filters = filters;
        this.search = search;
        this.i18n = i18n;
    }

    /** The step as one line of the report shown on the admin page. */
    public String line(Step step) {
        String status = switch (step.status()) {
            case EXISTS -> i18n.getText("hindsight.provision.status.exists");
            case CREATED -> i18n.getText("hindsight.provision.status.created");
            case MANUAL -> i18n.getText("hindsight.provision.status.manual");
            case FAILED -> i18n.getText("hindsight.provision.status.failed");
        };
        return step.detail().isEmpty() ? i18n.getText("hindsight.provision.line", status, step.what())
                : i18n.getText("hindsight.provision.line.detail", status, step.what(), step.detail());
    }

    /**
     * @param owner the account that owns the saved filter; without one the filter is left for a later run
     */
    public List<Step> provision(ProvisioningSpec spec, Optional<ApplicationUser> owner) {
        List<Step> steps = new ArrayList<>();
        steps.add(issueType(spec));
        steps.add(new Step(Status.MANUAL, i18n.getText("hindsight.provision.type-in-project", spec.issueTypeName(), spec.project()),
                i18n.getText("hindsight.provision.type-in-project.manual")));
        List<CustomField> fields = new ArrayList<>();
        for (ProvisioningSpec.FieldSpec f : spec.fields()) {
            Step s = field(f);
            steps.add(s);
            Optional<CustomField> made = customFields.getCustomFieldObjectsByName(f.name()).stream().findFirst();
            made.ifPresent(fields::add);
            // a field of another type (FAILED) is not ours to give options to
            if (f.type() == ProvisioningSpec.FieldType.SELECT && s.status() != Status.FAILED && made.isPresent()) {
                steps.addAll(severityOptions(made.get()));
            }
        }
        steps.addAll(onScreen(spec, fields));
        steps.add(linkType(spec));
        steps.add(filter(spec, owner));
        steps.add(new Step(Status.MANUAL, i18n.getText("hindsight.provision.board", spec.boardName()),
                i18n.getText("hindsight.provision.board.manual", spec.filterName(), spec.boardName(), spec.project(), "hindsight provision")));
        return steps;
    }

    private Step issueType(ProvisioningSpec spec) {
        if (findType(spec.issueTypeName()).isPresent()) return new Step(Status.EXISTS, i18n.getText("hindsight.provision.type", spec.issueTypeName()), "");
        // a new type needs an icon: it takes Task's, which every Jira has
        Long avatar = findType("Task").map(IssueType::getAvatar).map(a -> a.getId()).orElse(null);
        issueTypes.createIssueType(spec.issueTypeName(), "A blameless post-mortem, managed by Hindsight", avatar);
        return new Step(Status.CREATED, i18n.getText("hindsight.provision.type", spec.issueTypeName()), "");
    }

    private Optional<IssueType> findType(String name) {
        return issueTypes.getIssueTypes().stream().filter(t -> name.equalsIgnoreCase(t.getName())).findFirst();
    }

    private Step field(ProvisioningSpec.FieldSpec f) {
        String what = i18n.getText("hindsight.provision.field", fieldType(f.type()), f.name());
        Optional<CustomField> found = customFields.getCustomFieldObjectsByName(f.name()).stream().findFirst();
        if (found.isPresent()) {
            CustomFieldType<?, ?> type = found.get().getCustomFieldType();
            if (type != null && type.getKey() != null && !type.getKey().equals(f.type().key)) {
                return new Step(Status.FAILED, what, i18n.getText("hindsight.provision.field.clash", type.getKey()));
            }
            return new Step(Status.EXISTS, what, "");
        }
        CustomFieldType<?, ?> type = customFields.getCustomFieldType(f.type().key);
        CustomFieldSearcher searcher = customFields.getCustomFieldSearcher(f.type().searcher);
        if (type == null) return new Step(Status.FAILED, what, i18n.getText("hindsight.provision.field.no-type", f.type().key));
        try {
            // global context, all issue types: the severity is read from incidents too
            List<JiraContextNode> contexts = List.of(GlobalIssueContext.getInstance());
            customFields.createCustomField(f.name(), f.description(), type, searcher, contexts, Arrays.asList((IssueType) null));
        } catch (GenericEntityException e) {
            return new Step(Status.FAILED, what, i18n.getText("hindsight.provision.field.not-created", String.valueOf(e.getMessage())));
        }
        return new Step(Status.CREATED, what, "");
    }

    /**
     * SEV1..SEV4 in every context of the severity field, appended after any option an admin added (the
     * severity is read from incidents in any project, so every context must offer the scale). A context with
     * one configuration per issue type has no single place to put them: that one is left to the admin.
     */
    private List<Step> severityOptions(CustomField field) {
        List<String> scale = java.util.Arrays.stream(Severity.values()).map(Enum::name).toList();
        List<FieldConfigScheme> contexts = field.getConfigurationSchemes() == null ? List.of() : field.getConfigurationSchemes();
        String values = String.join(", ", scale);
        if (contexts.isEmpty()) {
            return List.of(new Step(Status.MANUAL, i18n.getText("hindsight.provision.options.of", field.getName()),
                    i18n.getText("hindsight.provision.options.no-context", values, field.getName())));
        }
        List<Step> steps = new ArrayList<>();
        for (FieldConfigScheme context : contexts) {
            String what = context.getName() == null ? i18n.getText("hindsight.provision.options", values, field.getName())
                    : i18n.getText("hindsight.provision.options.in-context", values, field.getName(), context.getName());
            FieldConfig config = context.getOneAndOnlyConfig();
            if (config == null) {
                steps.add(new Step(Status.MANUAL, what, i18n.getText("hindsight.provision.options.per-type", values, field.getName())));
                continue;
            }
            List<Option> offered = options.getOptions(config) == null ? List.of() : options.getOptions(config);
            List<String> missing = scale.stream().filter(v -> offered.stream().noneMatch(o -> v.equalsIgnoreCase(o.getValue()))).toList();
            if (missing.isEmpty()) {
                steps.add(new Step(Status.EXISTS, what, ""));
                continue;
            }
            long sequence = offered.size();
            for (String value : missing) options.createOption(config, null, sequence++, value);
            steps.add(new Step(Status.CREATED, what, missing.size() == scale.size() ? "" : i18n.getText("hindsight.provision.options.added", String.join(", ", missing))));
        }
        return steps;
    }

    private List<Step> onScreen(ProvisioningSpec spec, List<CustomField> fields) {
        Optional<FieldScreen> screen = screens.getFieldScreens().stream().filter(s -> spec.screenName().equalsIgnoreCase(s.getName())).findFirst();
        if (screen.isEmpty() || screen.get().getTabs() == null || screen.get().getTabs().isEmpty()) {
            return List.of(new Step(Status.MANUAL, i18n.getText("hindsight.provision.screen", spec.screenName()),
                    i18n.getText("hindsight.provision.screen.manual")));
        }
        List<Step> steps = new ArrayList<>();
        FieldScreenTab tab = screen.get().getTabs().get(0);
        for (CustomField f : fields) {
            String what = i18n.getText("hindsight.provision.on-screen", f.getName(), screen.get().getName());
            if (screen.get().containsField(f.getId())) {
                steps.add(new Step(Status.EXISTS, what, ""));
            } else {
                tab.addFieldScreenLayoutItem(f.getId());
                steps.add(new Step(Status.CREATED, what, i18n.getText("hindsight.provision.on-screen.tab", tab.getName())));
            }
        }
        return steps;
    }

    private Step linkType(ProvisioningSpec spec) {
        String what = i18n.getText("hindsight.provision.link-type", spec.linkTypeName(), spec.linkOutward(), spec.linkInward());
        Optional<IssueLinkType> found = linkTypes.getIssueLinkTypesByName(spec.linkTypeName()).stream().findFirst();
        if (found.isEmpty()) {
            linkTypes.createIssueLinkType(spec.linkTypeName(), spec.linkOutward(), spec.linkInward(), null);
            return new Step(Status.CREATED, what, "");
        }
        if (!spec.linkOutward().equals(found.get().getOutward()) || !spec.linkInward().equals(found.get().getInward())) {
            return new Step(Status.FAILED, what, i18n.getText("hindsight.provision.link-type.clash", found.get().getOutward(), found.get().getInward()));
        }
        return new Step(Status.EXISTS, what, "");
    }

    private Step filter(ProvisioningSpec spec, Optional<ApplicationUser> owner) {
        String what = i18n.getText("hindsight.provision.filter", spec.filterName());
        if (owner.isEmpty()) return new Step(Status.MANUAL, what, i18n.getText("hindsight.provision.filter.no-owner"));
        boolean exists = filters.getOwnedFilters(owner.get()).stream().anyMatch(f -> spec.filterName().equals(f.getName()));
        if (exists) return new Step(Status.EXISTS, what, "");
        SearchService.ParseResult parsed = search.parseQuery(owner.get(), spec.filterJql());
        if (!parsed.isValid()) return new Step(Status.FAILED, what, i18n.getText("hindsight.provision.filter.bad-jql", spec.filterJql(), String.join("; ", parsed.getErrors().getErrorMessages())));
        JiraServiceContextImpl context = new JiraServiceContextImpl(owner.get());
        filters.createFilter(context, new SearchRequest(parsed.getQuery(), owner.get(), spec.filterName(), "Remediation tickets from Hindsight post-mortems"));
        if (context.getErrorCollection().hasAnyErrors()) {
            return new Step(Status.FAILED, what, String.join("; ", context.getErrorCollection().getErrorMessages()));
        }
        return new Step(Status.CREATED, what, i18n.getText("hindsight.provision.filter.owned", owner.get().getUsername()));
    }

    private String fieldType(ProvisioningSpec.FieldType type) {
        return switch (type) {
            case TEXTAREA -> i18n.getText("hindsight.provision.field-type.textarea");
            case SELECT -> i18n.getText("hindsight.provision.field-type.select");
            case DATETIME -> i18n.getText("hindsight.provision.field-type.datetime");
            case DATE -> i18n.getText("hindsight.provision.field-type.date");
            case TEXT -> i18n.getText("hindsight.provision.field-type.text");
        };
    }
}
