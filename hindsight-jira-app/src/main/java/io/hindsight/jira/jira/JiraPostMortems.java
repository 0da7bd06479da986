package io.hindsight.jira.jira;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.event.type.EventDispatchOption;
import com.atlassian.jira.exception.CreateException;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.message.I18nResolver;
import io.hindsight.atlassian.adapter.PostMortemFields;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.SyncState;
import io.hindsight.core.port.Filters;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.Schema;
import io.hindsight.core.render.Jql;
import io.hindsight.jira.port.ProjectReadiness;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Post-mortems as Jira issues, in-process: each section in its provisioned field, read and written through
 * the REST host's {@link PostMortemFields} mapping; Hindsight's state in the {@link Schema#STATE_PROPERTY}
 * issue property, in the REST host's JSON shape. Reads see every issue (Jira's managers check no
 * permission; the app's REST resources and pages check the user's first); writes are made as {@code user}.
 */
public final class JiraPostMortems implements PostMortemStore {
    /** Jira's default link type between an incident and the post-mortem started from it. */
    static final String INCIDENT_LINK_TYPE = "Relates";
    /** How many of the newest comments are searched for a mark. */
    private static final int RECENT_COMMENTS = 50;
    private final JiraApi jira;
    private final Supplier<ApplicationUser> user;
    private final Set<String> actionClasses;
    private final I18nResolver i18n;

    public JiraPostMortems(JiraApi jira, Supplier<ApplicationUser> user, Set<String> actionClasses, I18nResolver i18n) {
        this.jira = jira;
        this.user = user;
        this.actionClasses = actionClasses;
        this.i18n = i18n;
    }

    /** The issue, saying what it is: a post-mortem (its type), one of Hindsight's tickets (its action id), or another issue. */
    @Override
    public Optional<Stored> load(IssueKey key) {
        MutableIssue issue = jira.issues().getIssueObject(key.value());
        return issue == null ? Optional.empty() : Optional.of(stored(issue));
    }

    private Stored stored(Issue issue) {
        Map<String, JiraFields.Field> fields = jira.fields().present();
        PostMortemFields mapping = fieldMapping(fields);
        String markdown = mapping.markdown(JiraFields.model(issue, fields));
        SyncState state = jira.issueProperties().get(issue.getId(), Schema.STATE_PROPERTY).map(IssueProperties::state).orElse(SyncState.NONE);
        return new Stored(IssueKey.of(issue.getKey()), kind(issue), issue.getIssueType() == null ? "issue" : issue.getIssueType().getName(),
                mapping.read(markdown, issue.getKey()), markdown, state);
    }

    /** A ticket by Hindsight's marks on it (its action label or property), whatever its type; else a post-mortem by its type. */
    private Kind kind(Issue issue) {
        boolean ticket = issue.getLabels() != null && issue.getLabels().stream().anyMatch(l -> l.getLabel().startsWith(Schema.ACTION_LABEL_PREFIX))
                || jira.issueProperties().get(issue.getId(), Schema.TICKET_PROPERTY).isPresent();
        if (ticket) return Kind.REMEDIATION_TICKET;
        return isPostMortem(issue) ? Kind.POST_MORTEM : Kind.OTHER;
    }

    /**
     * The post-mortem as an issue object holds it: also a transition's issue, which carries the values its
     * screen has just set before they are stored (the review gate checks those).
     */
    public PostMortem read(Issue issue) {
        Map<String, JiraFields.Field> fields = jira.fields().present();
        return fieldMapping(fields).read(JiraFields.model(issue, fields));
    }

    public static boolean isPostMortem(Issue issue) {
        return issue.getIssueType() != null && Schema.POST_MORTEM_TYPE.equalsIgnoreCase(issue.getIssueType().getName());
    }

    private PostMortemFields fieldMapping(Map<String, JiraFields.Field> fields) {
        return new PostMortemFields(JiraFields.ids(fields), JiraModel.Deployment.DATA_CENTER, actionClasses);
    }

    /** Creates the issue (summary, type, the {@code postmortem} label) through IssueService, then writes its fields; read back in-process. */
    @Override
    public Stored create(String project, PostMortem pm) {
        return stored(jira.issues().getIssueObject(createIssue(project, pm).value()));
    }

    /** Whether {@code project} can take a post-mortem: it exists, Jira has the type, and the project's issue type scheme offers it. */
    public ProjectReadiness readiness(String project) {
        Project p = jira.projects().getProjectObjByKey(project);
        if (p == null) return ProjectReadiness.NO_SUCH_PROJECT;
        if (issueType(Schema.POST_MORTEM_TYPE).isEmpty()) return ProjectReadiness.NO_POST_MORTEM_TYPE;
        // Project.getIssueTypes() is the project's issue type scheme: what its create screen offers
        boolean offered = p.getIssueTypes() != null && p.getIssueTypes().stream().anyMatch(t -> Schema.POST_MORTEM_TYPE.equalsIgnoreCase(t.getName()));
        return offered ? ProjectReadiness.READY : ProjectReadiness.TYPE_NOT_IN_PROJECT;
    }

    private IssueKey createIssue(String project, PostMortem pm) {
        switch (readiness(project)) {
            case NO_SUCH_PROJECT -> throw new IllegalArgumentException(i18n.getText("hindsight.jira.error.no-project", project));
            case NO_POST_MORTEM_TYPE -> throw new IllegalStateException(i18n.getText("hindsight.jira.error.no-type", Schema.POST_MORTEM_TYPE, "hindsight provision"));
            case TYPE_NOT_IN_PROJECT -> throw new IllegalStateException(i18n.getText("hindsight.jira.error.type-not-in-project", project, Schema.POST_MORTEM_TYPE));
            case READY -> { }
        }
        Project p = jira.projects().getProjectObjByKey(project);
        IssueType type = issueType(Schema.POST_MORTEM_TYPE).orElseThrow();
        ApplicationUser actor = user.get();
        IssueInputParameters in = jira.issueService().newIssueInputParameters();
        in.setSkipScreenCheck(true);
        in.setProjectId(p.getId()).setIssueTypeId(type.getId()).setSummary(pm.title()).setReporterId(actor.getUsername())
                .addCustomFieldValue("labels", Schema.POST_MORTEM_LABEL);
        IssueService.CreateValidationResult valid = jira.issueService().validateCreate(actor, in);
        if (!valid.isValid()) throw new IllegalStateException(i18n.getText("hindsight.jira.error.create-refused", project, Errors.describe(valid.getErrorCollection())));
        IssueService.IssueResult created = jira.issueService().create(actor, valid);
        if (!created.isValid()) throw new IllegalStateException(i18n.getText("hindsight.jira.error.not-created", Errors.describe(created.getErrorCollection())));
        IssueKey key = IssueKey.of(created.getIssue().getKey());
        writeFields(jira.issues().getIssueObject(key.value()), pm, actor);
        return key;
    }

    /** A post-mortem created for an incident, linked to it ("relates to") so each shows the other. */
    public IssueKey createFor(String incidentKey, String project, PostMortem pm) {
        IssueKey key = createIssue(project, pm);
        Issue incident = jira.issues().getIssueObject(incidentKey);
        Optional<IssueLinkType> relates = jira.linkTypes().getIssueLinkTypesByName(INCIDENT_LINK_TYPE).stream().findFirst();
        if (incident != null && relates.isPresent()) {
            try {
                jira.links().createIssueLink(jira.issues().getIssueObject(key.value()).getId(), incident.getId(), relates.get().getId(), null, user.get());
            } catch (CreateException e) {
                throw new IllegalStateException(key + " was created, but Jira did not link it to " + incidentKey + ": " + e.getMessage(), e);
            }
        }
        return key;
    }

    /** Compared first, as the REST host compares: the fields as they would read after the write, against what they read now. */
    @Override
    public Stored update(Stored current, PostMortem pm) {
        MutableIssue issue = existing(current.key());
        Map<String, JiraFields.Field> fields = jira.fields().present();
        PostMortemFields mapping = fieldMapping(fields);
        JiraModel.Issue now = JiraFields.model(issue, fields);
        JiraModel.Issue after = mapping.written(now.id(), now.key(), pm.title(), now.fields(), mapping.values(pm), now.status(), now.statusCategory());
        if (mapping.read(mapping.markdown(after), now.key()).equals(current.postMortem())) return current;
        issue.setSummary(pm.title());
        writeFields(issue, pm, user.get());
        return stored(existing(current.key()));
    }

    private void writeFields(MutableIssue issue, PostMortem pm, ApplicationUser actor) {
        Map<String, JiraFields.Field> fields = jira.fields().present();
        jira.fields().write(issue, fieldMapping(fields).values(pm), fields);
        jira.issues().updateIssue(actor, issue, EventDispatchOption.ISSUE_UPDATED, false);
    }

    @Override
    public void saveState(IssueKey key, SyncState state) {
        jira.issueProperties().put(user.get(), existing(key).getId(), Schema.STATE_PROPERTY, IssueProperties.stateValues(state));
    }

    @Override
    public void recordApproval(IssueKey key, LocalDate day) {
        JiraFields.Field approved = jira.fields().present().get("approved");
        // a site provisioned before the field existed: nothing to write to; enabling the app again adds it
        if (approved == null) return;
        MutableIssue issue = existing(key);
        issue.setCustomFieldValue(approved.field(), JiraFields.day(day));
        jira.issues().updateIssue(user.get(), issue, EventDispatchOption.ISSUE_UPDATED, false);
    }

    /** The comment, then its mark as a comment property (the REST host sets it in the create; in-process it is the next call). */
    @Override
    public void comment(IssueKey key, String markdown, String mark) {
        ApplicationUser actor = user.get();
        com.atlassian.jira.issue.comments.Comment c = jira.comments().create(existing(key), actor, WikiText.of(markdown), true);
        if (c != null && c.getId() != null) jira.issueProperties().putOnComment(actor, c.getId(), Schema.COMMENT_MARK_PROPERTY, Map.of("mark", mark));
    }

    /** Whether one of the issue's newest comments carries the mark. */
    @Override
    public boolean commented(IssueKey key, String mark) {
        List<com.atlassian.jira.issue.comments.Comment> all = jira.comments().getComments(existing(key));
        if (all == null) return false;
        return all.subList(Math.max(0, all.size() - RECENT_COMMENTS), all.size()).stream().anyMatch(c -> c.getId() != null
                && jira.issueProperties().getOnComment(c.getId(), Schema.COMMENT_MARK_PROPERTY).map(p -> mark.equals(p.get("mark"))).orElse(false));
    }

    @Override
    public List<PostMortem> find(String jql, int limit) {
        return JiraSearch.search(jira.search(), user.get(), postMortemJql(jql), limit).stream().map(this::read).toList();
    }

    @Override
    public List<IssueKey> findKeys(String jql, int limit) {
        return JiraSearch.search(jira.search(), user.get(), postMortemJql(jql), limit).stream().map(i -> IssueKey.of(i.getKey()))
                .sorted(Comparator.naturalOrder()).toList();
    }

    static String postMortemJql(String filter) {
        String checked = Filters.checked(filter);
        return "issuetype = " + Jql.quote(Schema.POST_MORTEM_TYPE) + (checked == null ? "" : " AND (" + checked + ")") + " ORDER BY key";
    }

    private MutableIssue existing(IssueKey key) {
        MutableIssue issue = jira.issues().getIssueObject(key.value());
        if (issue == null) throw new IllegalStateException(i18n.getText("hindsight.jira.error.no-issue", String.valueOf(key)));
        return issue;
    }

    private Optional<IssueType> issueType(String name) {
        return jira.issueTypes().getIssueTypes().stream().filter(t -> name.equalsIgnoreCase(t.getName())).findFirst();
    }
}
