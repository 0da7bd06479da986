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
    /** One line of the report: what was found, made, or is left to an administrator. */
    public record Step(Status status, String what, String detail) {
        @Override
        public String toString() {
            return status.name().toLowerCase(java.util.Locale.ROOT) + ": " + what + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    public enum Status { EXISTS, CREATED, MANUAL, FAILED }

    private final IssueTypeManager issueTypes;
    private final CustomFieldManager customFields;
    private final OptionsManager options;
    private final FieldScreenManager screens;
    private final IssueLinkTypeManager linkTypes;
    private final SearchRequestService filters;
    private final SearchService search;

    public JiraProvisioner(IssueTypeManager issueTypes, CustomFieldManager customFields, OptionsManager options, FieldScreenManager screens,
                           IssueLinkTypeManager linkTypes, SearchRequestService filters, SearchService search) {
        this.issueTypes = issueTypes;
        this.customFields = customFields;
        this.options = options;
        this.screens = screens;
        this.linkTypes = linkTypes;
        this.filters = filters;
        this.search = search;
    }

    /**
     * @param owner the account that owns the saved filter; without one the filter is left for a later run
     */
    public List<Step> provision(ProvisioningSpec spec, Optional<ApplicationUser> owner) {
        List<Step> steps = new ArrayList<>();
        steps.add(issueType(spec));
        steps.add(new Step(Status.MANUAL, "issue type '" + spec.issueTypeName() + "' in project " + spec.project(),
                "add it to the project's issue type scheme: Project settings > Issue types; schemes are shared, so Hindsight does not change them"));
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
        steps.add(new Step(Status.MANUAL, "Kanban board '" + spec.boardName() + "'",
                "Boards > Create board > Kanban > Board from an existing saved filter: filter '" + spec.filterName() + "', name '" + spec.boardName()
                        + "', location project " + spec.project() + "; share the filter with the project first (or run 'hindsight provision', which creates the board over REST)"));
        return steps;
    }

    private Step issueType(ProvisioningSpec spec) {
        if (findType(spec.issueTypeName()).isPresent()) return new Step(Status.EXISTS, "issue type '" + spec.issueTypeName() + "'", "");
        // a new type needs an icon: it takes Task's, which every Jira has
        Long avatar = findType("Task").map(IssueType::getAvatar).map(a -> a.getId()).orElse(null);
        issueTypes.createIssueType(spec.issueTypeName(), "A blameless post-mortem, managed by Hindsight", avatar);
        return new Step(Status.CREATED, "issue type '" + spec.issueTypeName() + "'", "");
    }

    private Optional<IssueType> findType(String name) {
        return issueTypes.getIssueTypes().stream().filter(t -> name.equalsIgnoreCase(t.getName())).findFirst();
    }

    private Step field(ProvisioningSpec.FieldSpec f) {
        String what = f.type().label + " field '" + f.name() + "'";
        Optional<CustomField> found = customFields.getCustomFieldObjectsByName(f.name()).stream().findFirst();
        if (found.isPresent()) {
            CustomFieldType<?, ?> type = found.get().getCustomFieldType();
            if (type != null && type.getKey() != null && !type.getKey().equals(f.type().key)) {
                return new Step(Status.FAILED, what, "a field of that name exists but is " + type.getKey() + ": rename one of them");
            }
            return new Step(Status.EXISTS, what, "");
        }
        CustomFieldType<?, ?> type = customFields.getCustomFieldType(f.type().key);
        CustomFieldSearcher searcher = customFields.getCustomFieldSearcher(f.type().searcher);
        if (type == null) return new Step(Status.FAILED, what, "this Jira has no field type " + f.type().key);
        try {
            // global context, all issue types: the severity is read from incidents too
            List<JiraContextNode> contexts = List.of(GlobalIssueContext.getInstance());
            customFields.createCustomField(f.name(), f.description(), type, searcher, contexts, Arrays.asList((IssueType) null));
        } catch (GenericEntityException e) {
            return new Step(Status.FAILED, what, "Jira did not create it: " + e.getMessage());
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
        String manual = "make it offer " + String.join(", ", scale) + ": Administration > Issues > Custom fields > " + field.getName() + " > Contexts and default value";
        if (contexts.isEmpty()) return List.of(new Step(Status.MANUAL, "options of '" + field.getName() + "'", "it has no context; " + manual));
        List<Step> steps = new ArrayList<>();
        for (FieldConfigScheme context : contexts) {
            String what = "options " + String.join(", ", scale) + " of '" + field.getName() + "'" + (context.getName() == null ? "" : " in context '" + context.getName() + "'");
            FieldConfig config = context.getOneAndOnlyConfig();
            if (config == null) {
                steps.add(new Step(Status.MANUAL, what, "the context has a configuration per issue type; " + manual));
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
            steps.add(new Step(Status.CREATED, what, missing.size() == scale.size() ? "" : "added " + String.join(", ", missing)));
        }
        return steps;
    }

    private List<Step> onScreen(ProvisioningSpec spec, List<CustomField> fields) {
        Optional<FieldScreen> screen = screens.getFieldScreens().stream().filter(s -> spec.screenName().equalsIgnoreCase(s.getName())).findFirst();
        if (screen.isEmpty() || screen.get().getTabs() == null || screen.get().getTabs().isEmpty()) {
            return List.of(new Step(Status.MANUAL, "fields on screen '" + spec.screenName() + "'",
                    "there is no such screen with a tab: add the post-mortem fields to the screen your post-mortem project uses"));
        }
        List<Step> steps = new ArrayList<>();
        FieldScreenTab tab = screen.get().getTabs().get(0);
        for (CustomField f : fields) {
            String what = "'" + f.getName() + "' on screen '" + screen.get().getName() + "'";
            if (screen.get().containsField(f.getId())) {
                steps.add(new Step(Status.EXISTS, what, ""));
            } else {
                tab.addFieldScreenLayoutItem(f.getId());
                steps.add(new Step(Status.CREATED, what, "tab " + tab.getName()));
            }
        }
        return steps;
    }

    private Step linkType(ProvisioningSpec spec) {
        String what = "link type '" + spec.linkTypeName() + "' (" + spec.linkOutward() + " / " + spec.linkInward() + ")";
        Optional<IssueLinkType> found = linkTypes.getIssueLinkTypesByName(spec.linkTypeName()).stream().findFirst();
        if (found.isEmpty()) {
            linkTypes.createIssueLinkType(spec.linkTypeName(), spec.linkOutward(), spec.linkInward(), null);
            return new Step(Status.CREATED, what, "");
        }
        if (!spec.linkOutward().equals(found.get().getOutward()) || !spec.linkInward().equals(found.get().getInward())) {
            return new Step(Status.FAILED, what, "it exists as '" + found.get().getOutward() + "' / '" + found.get().getInward() + "': rename it or change its verbs");
        }
        return new Step(Status.EXISTS, what, "");
    }

    private Step filter(ProvisioningSpec spec, Optional<ApplicationUser> owner) {
        String what = "filter '" + spec.filterName() + "'";
        if (owner.isEmpty()) return new Step(Status.MANUAL, what, "set the account Hindsight acts as on its settings page; the filter is saved as that account on the next provisioning");
        boolean exists = filters.getOwnedFilters(owner.get()).stream().anyMatch(f -> spec.filterName().equals(f.getName()));
        if (exists) return new Step(Status.EXISTS, what, "");
        SearchService.ParseResult parsed = search.parseQuery(owner.get(), spec.filterJql());
        if (!parsed.isValid()) return new Step(Status.FAILED, what, "Jira cannot read " + spec.filterJql() + ": " + String.join("; ", parsed.getErrors().getErrorMessages()));
        JiraServiceContextImpl context = new JiraServiceContextImpl(owner.get());
        filters.createFilter(context, new SearchRequest(parsed.getQuery(), owner.get(), spec.filterName(), "Remediation tickets from Hindsight post-mortems"));
        if (context.getErrorCollection().hasAnyErrors()) {
            return new Step(Status.FAILED, what, String.join("; ", context.getErrorCollection().getErrorMessages()));
        }
        return new Step(Status.CREATED, what, "owned by " + owner.get().getUsername() + "; share it with the project for the board");
    }
}
