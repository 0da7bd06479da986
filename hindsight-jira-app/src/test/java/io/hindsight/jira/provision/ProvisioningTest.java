package io.hindsight.jira.provision;

import com.atlassian.jira.avatar.Avatar;
import com.atlassian.jira.bc.JiraServiceContext;
import com.atlassian.jira.bc.filter.SearchRequestService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.customfields.CustomFieldSearcher;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.customfields.manager.OptionsManager;
import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.customfields.option.Options;
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
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.query.Query;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.core.port.Schema;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.Setting;
import io.hindsight.jira.jira.JiraFields;
import io.hindsight.jira.jira.RunAs;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.testing.AoDatabase;
import io.hindsight.jira.testing.LocalClusterLocks;
import io.hindsight.jira.testing.MutableClock;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Provisioning on enable over Jira's managers (Mockito mocks that remember what was created, as Jira would):
 * the first enable creates the issue type, every field, puts them on the screen, the link type and the
 * filter; the second creates nothing. The report the admin page shows says which steps are left to them.
 */
public class ProvisioningTest {
    @Rule
    public final AoDatabase db = new AoDatabase();

    private final IssueTypeManager issueTypes = mock(IssueTypeManager.class);
    private final CustomFieldManager customFields = mock(CustomFieldManager.class);
    private final OptionsManager options = mock(OptionsManager.class);
    private final FieldScreenManager screens = mock(FieldScreenManager.class);
    private final IssueLinkTypeManager linkTypes = mock(IssueLinkTypeManager.class);
    private final SearchRequestService filters = mock(SearchRequestService.class);
    private final SearchService search = mock(SearchService.class);
    private final UserManager users = mock(UserManager.class);
    private final ApplicationUser bot = mock(ApplicationUser.class);
    private final List<IssueType> types = new ArrayList<>();
    private final Map<String, CustomField> fields = new HashMap<>();
    private final Set<String> onScreen = new HashSet<>();
    private final List<IssueLinkType> links = new ArrayList<>();
    private final List<SearchRequest> saved = new ArrayList<>();
    /** Each field's one global context, and the option values of its configuration, in order. */
    private final Map<FieldConfig, List<String>> optionValues = new HashMap<>();
    private AdminSettings settings;
    private Provisioning provisioning;

    @Before
    public void setUp() {
        settings = new AdminSettings(db.activeObjects(), new MutableClock(Instant.parse("2026-11-20T10:00:00Z")));
        provisioning = new Provisioning(new JiraProvisioner(issueTypes, customFields, options, screens, linkTypes, filters, search, new I18n()), settings,
                new RunAs(settings, users, new I18n()), new LocalClusterLocks(), new I18n());
        when(bot.getUsername()).thenReturn("hindsight-bot");
        when(bot.isActive()).thenReturn(true);
        when(users.getUserByName("hindsight-bot")).thenReturn(bot);
        IssueType task = type("Task", "3");
        Avatar icon = mock(Avatar.class);
        when(icon.getId()).thenReturn(10318L);
        when(task.getAvatar()).thenReturn(icon);
        types.add(task);
        // Jira as it answers after each create
        when(issueTypes.getIssueTypes()).thenAnswer(inv -> List.copyOf(types));
        when(issueTypes.createIssueType(anyString(), anyString(), any())).thenAnswer(inv -> {
            IssueType t = type(inv.getArgument(0), "10100");
            types.add(t);
            return t;
        });
        for (ProvisioningSpec.FieldType ft : ProvisioningSpec.FieldType.values()) {
            CustomFieldType<?, ?> cft = mock(CustomFieldType.class);
            when(cft.getKey()).thenReturn(ft.key);
            when(customFields.getCustomFieldType(ft.key)).thenReturn((CustomFieldType) cft);
            when(customFields.getCustomFieldSearcher(ft.searcher)).thenReturn(mock(CustomFieldSearcher.class));
        }
        when(customFields.getCustomFieldObjectsByName(anyString())).thenAnswer(inv -> fields.containsKey((String) inv.getArgument(0))
                ? List.of(fields.get((String) inv.getArgument(0))) : List.of());
        try {
            when(customFields.createCustomField(anyString(), anyString(), any(), any(), any(), any())).thenAnswer(inv -> {
                CustomField cf = mock(CustomField.class);
                when(cf.getId()).thenReturn("customfield_" + (10000 + fields.size()));
                when(cf.getName()).thenReturn(inv.getArgument(0));
                when(cf.getCustomFieldType()).thenReturn(inv.getArgument(2));
                // Jira gives a field created with the global context one scheme with one configuration
                FieldConfigScheme global = mock(FieldConfigScheme.class);
                FieldConfig config = mock(FieldConfig.class);
                when(global.getName()).thenReturn("Default Configuration Scheme for " + inv.getArgument(0));
                when(global.getOneAndOnlyConfig()).thenReturn(config);
                when(cf.getConfigurationSchemes()).thenReturn(List.of(global));
                optionValues.put(config, new ArrayList<>());
                fields.put(inv.getArgument(0), cf);
                return cf;
            });
        } catch (org.ofbiz.core.entity.GenericEntityException e) {
            throw new AssertionError(e);
        }
        when(options.getOptions(any())).thenAnswer(inv -> options(optionValues.getOrDefault((FieldConfig) inv.getArgument(0), List.of())));
        when(options.createOption(any(), isNull(), any(), anyString())).thenAnswer(inv -> {
            List<String> values = optionValues.get((FieldConfig) inv.getArgument(0));
            assertEquals("appended after the options already there", (long) values.size(), (long) (Long) inv.getArgument(2));
            values.add(inv.getArgument(3));
            return mock(Option.class);
        });
        FieldScreen screen = mock(FieldScreen.class);
        FieldScreenTab tab = mock(FieldScreenTab.class);
        when(screen.getName()).thenReturn("Default Screen");
        when(tab.getName()).thenReturn("Field Tab");
        when(screen.getTabs()).thenReturn(List.of(tab));
        when(screen.containsField(anyString())).thenAnswer(inv -> onScreen.contains((String) inv.getArgument(0)));
        doAnswer(inv -> onScreen.add(inv.getArgument(0))).when(tab).addFieldScreenLayoutItem(anyString());
        when(screens.getFieldScreens()).thenReturn(List.of(screen));
        when(linkTypes.getIssueLinkTypesByName(Schema.LINK_TYPE)).thenAnswer(inv -> List.copyOf(links));
        doAnswer(inv -> {
            IssueLinkType l = mock(IssueLinkType.class);
            when(l.getName()).thenReturn(inv.getArgument(0));
            when(l.getOutward()).thenReturn(inv.getArgument(1));
            when(l.getInward()).thenReturn(inv.getArgument(2));
            links.add(l);
            return null;
        }).when(linkTypes).createIssueLinkType(anyString(), anyString(), anyString(), isNull());
        when(search.parseQuery(eq(bot), anyString())).thenReturn(new SearchService.ParseResult(mock(Query.class), null));
        when(filters.getOwnedFilters(bot)).thenAnswer(inv -> List.copyOf(saved));
        when(filters.createFilter(any(JiraServiceContext.class), any(SearchRequest.class))).thenAnswer(inv -> {
            saved.add(inv.getArgument(1));
            return inv.getArgument(1);
        });
    }

    @Test
    public void theFirstEnableCreatesEverythingAndTheSecondNothing() throws Exception {
        settings.save(Map.of(Setting.JIRA_USER, "hindsight-bot", Setting.POST_MORTEM_PROJECT, "PM"), "admin");

        List<String> first = provisioning.run();
        verify(issueTypes).createIssueType(eq(Schema.POST_MORTEM_TYPE), anyString(), eq(10318L));
        verify(customFields, times(JiraFields.SPEC.size())).createCustomField(anyString(), anyString(), any(), any(), any(), any());
        assertEquals("every field on the post-mortem screen", JiraFields.SPEC.size(), onScreen.size());
        verify(linkTypes).createIssueLinkType(Schema.LINK_TYPE, Schema.LINK_OUTWARD, Schema.LINK_INWARD, null);
        assertEquals(1, saved.size());
        assertEquals(Schema.FILTER_NAME, saved.get(0).getName());
        verify(search).parseQuery(bot, "labels = \"postmortem-action\" ORDER BY duedate ASC");
        assertTrue(first.contains("created: issue type '" + Schema.POST_MORTEM_TYPE + "'"));
        assertTrue("the board is an admin step with its exact settings", first.stream().anyMatch(l -> l.startsWith("manual: Kanban board 'Remediation'")
                && l.contains("filter '" + Schema.FILTER_NAME + "'") && l.contains("location project PM")));
        assertEquals("kept for the admin page", first, provisioning.lastReport());
        CustomField severity = fields.get(Schema.SEVERITY_FIELD);
        FieldConfig severityConfig = severity.getConfigurationSchemes().get(0).getOneAndOnlyConfig();
        assertEquals("'Start a post-mortem' can set the severity on a fresh site", List.of("SEV1", "SEV2", "SEV3", "SEV4"), optionValues.get(severityConfig));
        assertTrue(first.toString(), first.stream().anyMatch(l -> l.startsWith("created: options SEV1, SEV2, SEV3, SEV4 of '" + Schema.SEVERITY_FIELD + "'")));
        assertTrue("no option step is left to the admin", first.stream().noneMatch(l -> l.startsWith("manual: options")));

        List<String> second = provisioning.run();
        verify(issueTypes, times(1)).createIssueType(anyString(), anyString(), any());
        verify(customFields, times(JiraFields.SPEC.size())).createCustomField(anyString(), anyString(), any(), any(), any(), any());
        verify(linkTypes, times(1)).createIssueLinkType(anyString(), anyString(), anyString(), any());
        verify(filters, times(1)).createFilter(any(), any());
        verify(options, times(4)).createOption(any(), any(), any(), anyString());
        assertTrue(second.stream().anyMatch(l -> l.startsWith("exists: options SEV1, SEV2, SEV3, SEV4 of '" + Schema.SEVERITY_FIELD + "'")));
        assertTrue(second.toString(), second.stream().noneMatch(l -> l.startsWith("created:")));
        assertTrue(second.stream().anyMatch(l -> l.equals("exists: filter '" + Schema.FILTER_NAME + "'")));
    }

    @Test
    public void withoutAnAccountTheFilterWaitsAndAFieldOfAnotherTypeIsNamedNotTouched() throws Exception {
        CustomField clash = mock(CustomField.class);
        CustomFieldType<?, ?> text = mock(CustomFieldType.class);
        when(text.getKey()).thenReturn(ProvisioningSpec.FieldType.TEXT.key);
        when(clash.getCustomFieldType()).thenReturn((CustomFieldType) text);
        when(clash.getName()).thenReturn(Schema.SEVERITY_FIELD);
        fields.put(Schema.SEVERITY_FIELD, clash);

        List<String> report = provisioning.run();
        assertTrue(report.stream().anyMatch(l -> l.startsWith("failed: select list field '" + Schema.SEVERITY_FIELD + "'") && l.contains("rename one of them")));
        assertTrue(report.stream().anyMatch(l -> l.startsWith("manual: filter") && l.contains("set the account Hindsight acts as")));
        verify(filters, never()).createFilter(any(), any());
        verify(customFields, never()).createCustomField(eq(Schema.SEVERITY_FIELD), anyString(), any(), any(), any(), any());
    }

    @Test
    public void aSeverityFieldAnAdminStartedKeepsItsOptionsAndGetsOnlyTheMissingOnesAfterThem() throws Exception {
        CustomField existing = mock(CustomField.class);
        CustomFieldType<?, ?> select = mock(CustomFieldType.class);
        when(select.getKey()).thenReturn(ProvisioningSpec.FieldType.SELECT.key);
        when(existing.getCustomFieldType()).thenReturn((CustomFieldType) select);
        when(existing.getName()).thenReturn(Schema.SEVERITY_FIELD);
        FieldConfigScheme global = mock(FieldConfigScheme.class);
        FieldConfigScheme perType = mock(FieldConfigScheme.class);
        FieldConfig config = mock(FieldConfig.class);
        when(global.getName()).thenReturn("Global");
        when(global.getOneAndOnlyConfig()).thenReturn(config);
        when(perType.getName()).thenReturn("Ops projects");
        when(existing.getConfigurationSchemes()).thenReturn(List.of(global, perType));
        optionValues.put(config, new ArrayList<>(List.of("sev1", "SEV2", "Unknown")));
        fields.put(Schema.SEVERITY_FIELD, existing);

        List<String> report = provisioning.run();
        assertEquals(List.of("sev1", "SEV2", "Unknown", "SEV3", "SEV4"), optionValues.get(config));
        assertTrue(report.toString(), report.contains("created: options SEV1, SEV2, SEV3, SEV4 of '" + Schema.SEVERITY_FIELD + "' in context 'Global' (added SEV3, SEV4)"));
        assertTrue("a context with a configuration per issue type is named for the admin", report.stream().anyMatch(l ->
                l.startsWith("manual: options SEV1, SEV2, SEV3, SEV4 of '" + Schema.SEVERITY_FIELD + "' in context 'Ops projects'")
                        && l.contains("Custom fields > " + Schema.SEVERITY_FIELD + " > Contexts and default value")));
    }

    @Test
    public void aFailureIsReportedNotThrownAtStart() {
        when(issueTypes.getIssueTypes()).thenThrow(new IllegalStateException("database unavailable"));
        List<String> report = provisioning.run();
        assertEquals(List.of("failed: provisioning stopped (IllegalStateException: database unavailable)"), report);
    }

    @Test
    public void theReportComesFromTheI18nFileSoATranslatedSiteShowsItTranslated() {
        settings.save(Map.of(Setting.JIRA_USER, "hindsight-bot", Setting.POST_MORTEM_PROJECT, "PM"), "admin");
        I18n german = new I18n().with("hindsight.provision.status.created", "angelegt");
        Provisioning translated = new Provisioning(new JiraProvisioner(issueTypes, customFields, options, screens, linkTypes, filters, search, german),
                settings, new RunAs(settings, users, german), new LocalClusterLocks(), german);
        List<String> report = translated.run();
        assertTrue(report.toString(), report.contains("angelegt: issue type '" + Schema.POST_MORTEM_TYPE + "'"));
        assertTrue(report.toString(), report.stream().noneMatch(l -> l.startsWith("created:")));
    }

    /** An {@link Options} as Jira returns it: a list of options with their values. */
    private static Options options(List<String> values) {
        Options o = mock(Options.class);
        List<Option> list = values.stream().map(v -> {
            Option option = mock(Option.class);
            when(option.getValue()).thenReturn(v);
            return option;
        }).toList();
        when(o.size()).thenReturn(list.size());
        when(o.stream()).thenAnswer(inv -> list.stream());
        when(o.iterator()).thenAnswer(inv -> list.iterator());
        return o;
    }

    private static IssueType type(String name, String id) {
        IssueType t = mock(IssueType.class);
        when(t.getName()).thenReturn(name);
        when(t.getId()).thenReturn(id);
        return t;
    }
}
