package io.hindsight.atlassian.provision;

import io.hindsight.atlassian.agile.Boards;
import io.hindsight.atlassian.confluence.ConfluenceClient;
import io.hindsight.atlassian.confluence.ConfluenceModel;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionPlan.Kind;
import io.hindsight.atlassian.provision.ProvisionPlan.Status;
import io.hindsight.atlassian.provision.ProvisionPlan.Step;
import io.hindsight.core.render.Xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets a site up for Hindsight, idempotently: {@link #plan} only reads and finds everything that
 * already exists by name; {@link #apply} creates only what is missing. Running it twice changes
 * nothing the second time.
 */
public final class Provisioner {
    private final JiraClient jira;
    private final Boards agile;
    private final ConfluenceClient confluence;

    public Provisioner(JiraClient jira, Boards agile, ConfluenceClient confluence) {
        this.jira = jira;
        this.agile = agile;
        this.confluence = confluence;
    }

    /** Reads the site and says, step by step, what exists and what would be created. Sends no write. */
    public ProvisionPlan plan(ProvisioningSpec spec) {
        return guarded("reading the site", () -> {
            List<Step> steps = new ArrayList<>();
            Optional<JiraModel.IssueTypeInfo> type = jira.issueTypes().stream().filter(t -> t.name().equalsIgnoreCase(spec.issueTypeName())).findFirst();
            steps.add(type.map(t -> new Step(Kind.ISSUE_TYPE, spec.issueTypeName(), Status.EXISTS, t.id(), ""))
                    .orElseGet(() -> new Step(Kind.ISSUE_TYPE, spec.issueTypeName(), Status.CREATE, null, "create the issue type")));
            steps.add(issueTypeInProject(spec, type));

            List<JiraModel.FieldInfo> fields = jira.fields();
            Map<String, String> existingFieldIds = new LinkedHashMap<>();
            for (ProvisioningSpec.FieldSpec f : spec.fields()) {
                Optional<JiraModel.FieldInfo> found = fields.stream().filter(x -> x.custom() && x.name().equalsIgnoreCase(f.name())).findFirst();
                if (found.isEmpty()) {
                    steps.add(new Step(Kind.FIELD, f.key(), Status.CREATE, null, "create " + f.type().label + " field '" + f.name() + "'"));
                } else if (found.get().customType() != null && !found.get().customType().equals(f.type().key)) {
                    steps.add(new Step(Kind.FIELD, f.key(), Status.CONFLICT, found.get().id(), "a field named '" + f.name() + "' exists but is "
                            + found.get().customType() + ", not a " + f.type().label + " field; rename one of them"));
                } else {
                    steps.add(new Step(Kind.FIELD, f.key(), Status.EXISTS, found.get().id(), ""));
                    existingFieldIds.put(f.key(), found.get().id());
                }
                if (f.type() == ProvisioningSpec.FieldType.SELECT) {
                    steps.add(new Step(Kind.FIELD, f.key() + " options", Status.MANUAL, null,
                            "make sure field '" + f.name() + "' offers SEV1, SEV2, SEV3 and SEV4 (Jira administration > Custom fields > Contexts and default value)"));
                }
            }
            steps.addAll(screenSteps(spec, existingFieldIds));

            Optional<JiraModel.LinkTypeInfo> link = jira.linkTypes().stream().filter(l -> l.name().equalsIgnoreCase(spec.linkTypeName())).findFirst();
            steps.add(link.map(l -> l.inward().equals(spec.linkInward()) && l.outward().equals(spec.linkOutward())
                            ? new Step(Kind.LINK_TYPE, spec.linkTypeName(), Status.EXISTS, l.id(), "")
                            : new Step(Kind.LINK_TYPE, spec.linkTypeName(), Status.CONFLICT, l.id(), "exists as '" + l.outward() + "' / '" + l.inward()
                            + "', expected '" + spec.linkOutward() + "' / '" + spec.linkInward() + "'"))
                    .orElseGet(() -> new Step(Kind.LINK_TYPE, spec.linkTypeName(), Status.CREATE, null, "create '" + spec.linkOutward() + "' / '" + spec.linkInward() + "'")));

            Optional<JiraModel.FilterInfo> filter = jira.findFilter(spec.filterName());
            steps.add(filter.map(f -> new Step(Kind.FILTER, spec.filterName(), Status.EXISTS, f.id(), ""))
                    .orElseGet(() -> new Step(Kind.FILTER, spec.filterName(), Status.CREATE, null, "save the filter: " + spec.filterJql())));
            Optional<JiraModel.Board> board = filter.isEmpty() ? Optional.empty()
                    : agile.findBoards(spec.boardName()).stream().filter(b -> b.name().equals(spec.boardName())).findFirst();
            steps.add(board.map(b -> new Step(Kind.BOARD, spec.boardName(), Status.EXISTS, String.valueOf(b.id()), ""))
                    .orElseGet(() -> new Step(Kind.BOARD, spec.boardName(), Status.CREATE, null, "create a Kanban board on the filter")));

            Optional<ConfluenceModel.Page> parent = confluence.findPage(spec.confluenceSpace(), spec.parentPageTitle());
            steps.add(parent.map(p -> new Step(Kind.PARENT_PAGE, spec.parentPageTitle(), Status.EXISTS, p.id(), ""))
                    .orElseGet(() -> new Step(Kind.PARENT_PAGE, spec.parentPageTitle(), Status.CREATE, null, "create the page in space " + spec.confluenceSpace())));
            return new ProvisionPlan(spec, steps);
        });
    }

    /**
     * Whether the project's issue type scheme offers the type. Adding it is left to an admin: schemes are
     * shared between projects, and changing one for all of them is not Hindsight's call.
     */
    private Step issueTypeInProject(ProvisioningSpec spec, Optional<JiraModel.IssueTypeInfo> type) {
        JiraModel.ProjectInfo project;
        try {
            project = jira.project(spec.project());
        } catch (AtlassianException.NotFound e) {
            return new Step(Kind.ISSUE_TYPE_IN_PROJECT, spec.project(), Status.MANUAL, null, "there is no project " + spec.project()
                    + " visible to this account: create it, or name the project that holds post-mortems");
        }
        boolean offered = type.isPresent() && project.issueTypeIds().contains(type.get().id());
        return new Step(Kind.ISSUE_TYPE_IN_PROJECT, spec.project(), offered ? Status.EXISTS : Status.MANUAL, offered ? project.id() : null,
                offered ? "" : "add '" + spec.issueTypeName() + "' to the issue type scheme of project " + spec.project()
                        + " (Project settings > Issue types), so post-mortems can be created there");
    }

    private List<Step> screenSteps(ProvisioningSpec spec, Map<String, String> fieldIds) {
        List<Step> steps = new ArrayList<>();
        Optional<JiraModel.Screen> screen = jira.screens().stream().filter(s -> s.name().equalsIgnoreCase(spec.screenName())).findFirst();
        if (screen.isEmpty()) {
            steps.add(new Step(Kind.SCREEN_FIELD, spec.screenName(), Status.MANUAL, null, "no screen named '" + spec.screenName()
                    + "': name the screen project " + spec.project() + " uses for post-mortems, and run again"));
            return steps;
        }
        List<JiraModel.ScreenTab> tabs = jira.tabs(screen.get().id());
        if (tabs.isEmpty()) {
            steps.add(new Step(Kind.SCREEN_FIELD, spec.screenName(), Status.MANUAL, null, "screen '" + spec.screenName() + "' has no tab"));
            return steps;
        }
        String where = screen.get().id() + "/" + tabs.get(0).id();
        List<String> onTab = jira.tabFields(screen.get().id(), tabs.get(0).id());
        for (ProvisioningSpec.FieldSpec f : spec.fields()) {
            String id = fieldIds.get(f.key());
            boolean present = id != null && onTab.contains(id);
            steps.add(new Step(Kind.SCREEN_FIELD, f.key(), present ? Status.EXISTS : Status.CREATE, present ? where : null,
                    present ? "" : "add '" + f.name() + "' to screen '" + spec.screenName() + "' (tab " + tabs.get(0).name() + ")",
                    List.of(screen.get().id(), tabs.get(0).id())));
        }
        return steps;
    }

    /** Creates what the plan says is missing, in dependency order, and returns the ids to use. */
    public ProvisionedIds apply(ProvisionPlan plan) {
        ProvisioningSpec spec = plan.spec();
        Map<String, String> fieldIds = new LinkedHashMap<>();
        String issueTypeId = null;
        String filterId = null;
        Long boardId = null;
        String parentId = null;
        for (Step s : plan.steps()) {
            if (s.kind() == Kind.FIELD && s.id() != null && !s.key().endsWith(" options")) fieldIds.put(s.key(), s.id());
            if (s.status() != Status.EXISTS) continue;
            switch (s.kind()) {
                case ISSUE_TYPE -> issueTypeId = s.id();
                case FILTER -> filterId = s.id();
                case BOARD -> boardId = Long.parseLong(s.id());
                case PARENT_PAGE -> parentId = s.id();
                default -> {
                }
            }
        }
        for (Step s : plan.toCreate()) {
            switch (s.kind()) {
                case ISSUE_TYPE -> issueTypeId = guarded("creating issue type '" + s.key() + "' (needs the Jira administrator permission)",
                        () -> jira.createIssueType(spec.issueTypeName(), "A blameless post-mortem, managed by Hindsight").id());
                case FIELD -> {
                    ProvisioningSpec.FieldSpec f = spec.fields().stream().filter(x -> x.key().equals(s.key())).findFirst().orElseThrow();
                    fieldIds.put(f.key(), guarded("creating field '" + f.name() + "' (needs the Jira administrator permission)",
                            () -> jira.createField(f.name(), f.description(), f.type().key, f.type().searcher).id()));
                }
                case SCREEN_FIELD -> {
                    String fieldId = fieldIds.get(s.key());
                    if (fieldId != null) guarded("adding field " + fieldId + " to screen " + s.target().get(0), () -> {
                        jira.addFieldToTab(s.target().get(0), s.target().get(1), fieldId);
                        return null;
                    });
                }
                case LINK_TYPE -> guarded("creating link type '" + spec.linkTypeName() + "'",
                        () -> jira.createLinkType(spec.linkTypeName(), spec.linkInward(), spec.linkOutward()));
                case FILTER -> filterId = guarded("saving filter '" + spec.filterName() + "'",
                        () -> jira.createFilter(spec.filterName(), spec.filterJql(), "Remediation tickets from Hindsight post-mortems").id());
                case BOARD -> {
                    String f = filterId;
                    boardId = guarded("creating board '" + spec.boardName() + "' (needs permission to create boards)",
                            () -> agile.createBoard(spec.boardName(), Long.parseLong(f), spec.project()).id());
                }
                case PARENT_PAGE -> parentId = guarded("creating page '" + spec.parentPageTitle() + "' in space " + spec.confluenceSpace(),
                        () -> confluence.create(new ConfluenceModel.NewPage(spec.confluenceSpace(), null, spec.parentPageTitle(),
                                parentPageBody(spec.confluenceSpace()),
                                List.of("hindsight"))).id());
                default -> {
                }
            }
        }
        return new ProvisionedIds(issueTypeId, fieldIds, spec.linkTypeName(), filterId, boardId, parentId, jira.deployment().name());
    }

    /**
     * The parent page: a line about what lives under it, then Confluence's own Page Properties Report over
     * the post-mortem pages (each page's facts are Page Properties), so the index stays current without
     * Hindsight writing to it.
     */
    static String parentPageBody(String spaceKey) {
        String cql = "label = \"postmortem\" and space = \"" + spaceKey.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return "<p>" + Xml.escape("Post-mortems published by Hindsight. Each child page is generated from its Jira issue; edit the issue, not the page.") + "</p>"
                + "<ac:structured-macro ac:name=\"detailssummary\" ac:schema-version=\"2\">"
                + "<ac:parameter ac:name=\"cql\">" + Xml.escape(cql) + "</ac:parameter>"
                + "<ac:parameter ac:name=\"firstcolumn\">Post-mortem</ac:parameter>"
                + "<ac:parameter ac:name=\"headings\">Severity,Started,Time to resolve,Services,Approved</ac:parameter>"
                + "<ac:parameter ac:name=\"sortBy\">Started</ac:parameter>"
                + "<ac:parameter ac:name=\"reverseSort\">true</ac:parameter>"
                + "</ac:structured-macro>";
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T guarded(String what, Call<T> call) {
        try {
            return call.run();
        } catch (AtlassianException.Forbidden e) {
            throw new ProvisioningException("provisioning stopped while " + what + ": the account lacks a permission. " + e.getMessage(), e);
        } catch (AtlassianException.Unauthorized e) {
            throw new ProvisioningException("provisioning stopped while " + what + ": the credentials were refused. " + e.getMessage(), e);
        }
    }
}
