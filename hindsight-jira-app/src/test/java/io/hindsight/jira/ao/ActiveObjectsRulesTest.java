package io.hindsight.jira.ao;

import io.hindsight.jira.testing.AoDatabase;
import net.java.ao.RawEntity;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.PrimaryKey;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import org.junit.Rule;
import org.junit.Test;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * What real Data Center databases (PostgreSQL, MySQL, Oracle, SQL Server) impose on Active Objects
 * entities (jira-app-rules 1-7), checked by reflection and on the schema AO 6.1.1 creates.
 */
public class ActiveObjectsRulesTest {
    /** Oracle's reserved words (V$RESERVED_WORDS, reserved = 'Y'), plus KEY, VALUE and a few SQL Server and MySQL ones. */
    private static final Set<String> RESERVED = Set.of("ACCESS", "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "AUDIT", "BETWEEN", "BLOB",
            "BY", "CHAR", "CHECK", "CLOB", "CLUSTER", "COLUMN", "COMMENT", "COMPRESS", "CONNECT", "CREATE", "CURRENT", "DATE", "DECIMAL",
            "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "EXCLUSIVE", "EXISTS", "FILE", "FLOAT", "FOR", "FROM", "GRANT", "GROUP",
            "HAVING", "IDENTIFIED", "IMMEDIATE", "IN", "INCREMENT", "INDEX", "INITIAL", "INSERT", "INTEGER", "INTERSECT", "INTO", "IS",
            "LEVEL", "LIKE", "LOCK", "LONG", "MAXEXTENTS", "MINUS", "MLSLABEL", "MODE", "MODIFY", "NOAUDIT", "NOCOMPRESS", "NOT", "NOWAIT",
            "NULL", "NUMBER", "OF", "OFFLINE", "ON", "ONLINE", "OPTION", "OR", "ORDER", "PCTFREE", "PRIOR", "PUBLIC", "RAW", "RENAME",
            "RESOURCE", "REVOKE", "ROW", "ROWID", "ROWNUM", "ROWS", "SELECT", "SESSION", "SET", "SHARE", "SIZE", "SMALLINT", "START",
            "SUCCESSFUL", "SYNONYM", "SYSDATE", "TABLE", "THEN", "TIMESTAMP", "TO", "TRIGGER", "UID", "UNION", "UNIQUE", "UPDATE", "USER",
            "VALIDATE", "VALUES", "VARCHAR", "VARCHAR2", "VIEW", "WHENEVER", "WHERE", "WITH", "KEY", "VALUE", "TEXT", "STATUS_CODE", "READ");

    @Rule
    public final AoDatabase db = new AoDatabase();

    @Test
    public void rule1EveryTableNameIsAtMostThirtyCharactersAndSetWithTable() throws Exception {
        String prefix = AoDatabase.prefixFor(AoSchema.NAMESPACE);
        assertTrue(prefix, prefix.matches("AO_[0-9A-F]{6}_"));
        List<String> expected = new ArrayList<>();
        for (Class<? extends RawEntity<?>> e : AoSchema.ENTITIES) {
            Table table = e.getAnnotation(Table.class);
            assertNotNull(e.getSimpleName() + " needs @Table so that renaming the class keeps its data", table);
            String name = AoDatabase.tableNames().getName(e);
            assertEquals(prefix + table.value(), name);
            assertTrue(name + " is longer than 30 characters", name.length() <= 30);
            expected.add(name);
        }
        assertEquals("the tables AO created", new HashSet<>(expected), new HashSet<>(db.tables()));
    }

    @Test
    public void rule1And2ColumnsFitOracleAndNoNameIsReserved() throws Exception {
        assertTrue("at most 200 entities per app", AoSchema.ENTITIES.size() <= 200);
        for (String table : db.tables()) {
            assertFalse(table, RESERVED.contains(table.substring(AoDatabase.prefixFor(AoSchema.NAMESPACE).length())));
            for (String column : db.columns(table)) {
                assertTrue(table + "." + column + " is longer than 30 characters", column.length() <= 30);
                assertFalse(table + "." + column + " is a reserved word", RESERVED.contains(column));
            }
        }
        for (Class<? extends RawEntity<?>> e : AoSchema.ENTITIES) {
            assertFalse(e.getSimpleName(), RESERVED.contains(e.getAnnotation(Table.class).value()));
        }
    }

    @Test
    public void rule4UnlimitedTextIsNeverIndexedAndOtherStringsFitIn450() throws Exception {
        for (Class<? extends RawEntity<?>> e : AoSchema.ENTITIES) {
            Set<String> indexed = indexedMethods(e);
            for (Method m : e.getMethods()) {
                if (m.getReturnType() != String.class || !m.getName().startsWith("get")) continue;
                StringLength length = m.getAnnotation(StringLength.class);
                assertNotNull(e.getSimpleName() + "." + m.getName() + " should say its length", length);
                if (length.value() == StringLength.UNLIMITED) {
                    assertFalse(e.getSimpleName() + "." + m.getName() + " is unlimited text and must not be indexed", indexed.contains(m.getName()));
                    assertFalse("unlimited text cannot be a key", m.isAnnotationPresent(PrimaryKey.class));
                } else {
                    assertTrue(e.getSimpleName() + "." + m.getName(), length.value() <= 450);
                }
            }
        }
    }

    @Test
    public void rule4UnlimitedColumnsAreNeverFilteredOn() throws Exception {
        Set<String> unlimitedColumns = new HashSet<>();
        AtlassianFieldNameConverter names = new AtlassianFieldNameConverter();
        for (Class<? extends RawEntity<?>> e : AoSchema.ENTITIES) {
            for (Method m : e.getMethods()) {
                StringLength l = m.getAnnotation(StringLength.class);
                if (l != null && l.value() == StringLength.UNLIMITED) unlimitedColumns.add(names.getName(m));
            }
        }
        assertEquals(Set.of("LAST_ERROR", "SETTING_VALUE"), unlimitedColumns);
        Pattern where = Pattern.compile("\\.where\\(\"([^\"]*)\"");
        try (Stream<Path> files = Files.walk(Paths.get("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var m = where.matcher(Files.readString(f));
                while (m.find()) for (String c : unlimitedColumns) assertFalse(f + " filters on " + c, m.group(1).contains(c));
            }
        }
    }

    @Test
    public void rule5StringKeysAreNotNullPrimaryKeysAndOtherEntitiesHaveAnIntId() throws Exception {
        Method key = SettingEntity.class.getMethod("getSettingKey");
        assertNotNull(key.getAnnotation(PrimaryKey.class));
        assertNotNull(key.getAnnotation(net.java.ao.schema.NotNull.class));
        assertTrue(db.columns(AoDatabase.tableNames().getName(SyncJobEntity.class)).contains("ID"));
    }

    @Test
    public void rule6TheQueueIsIndexedForItsQueries() throws Exception {
        List<String> indexes = db.indexes(AoDatabase.tableNames().getName(SyncJobEntity.class));
        assertTrue(indexes.toString(), indexes.stream().anyMatch(i -> i.endsWith(":STATUS")));
        assertTrue(indexes.toString(), indexes.stream().anyMatch(i -> i.endsWith(":NEXT_RUN_MILLIS")));
        assertTrue(indexes.toString(), indexes.stream().anyMatch(i -> i.endsWith(":POST_MORTEM_KEY")));
        for (String i : indexes) assertTrue(i + ": index names fit Oracle too", i.substring(0, i.indexOf(':')).length() <= 30);
    }

    @Test
    public void rule7NoCodeLoadsAWholeTableOrRunsRawSql() throws Exception {
        Pattern wholeTable = Pattern.compile("\\.find\\(\\s*\\w+\\.class\\s*\\)");
        Pattern rawSql = Pattern.compile("findWithSQL|deleteWithSQL|executeUpdate|createStatement");
        Pattern unbounded = Pattern.compile("Query\\.select\\(\\)[^;]*;");
        try (Stream<Path> files = Files.walk(Paths.get("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f);
                assertFalse(f + " loads a whole table", wholeTable.matcher(code).find());
                assertFalse(f + " runs raw SQL", rawSql.matcher(code).find());
                var q = unbounded.matcher(code);
                while (q.find()) {
                    String query = q.group();
                    boolean isCount = code.substring(Math.max(0, q.start() - 60), q.start()).contains(".count(");
                    assertTrue(f + ": a query that lists rows must page: " + query, isCount || query.contains(".limit("));
                }
            }
        }
    }

    @Test
    public void rule7ListsOfMoreThanAThousandAreChunked() {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 2501; i++) items.add(i);
        List<List<Integer>> chunks = Chunks.of(items);
        assertEquals(List.of(1000, 1000, 501), chunks.stream().map(List::size).toList());
        assertEquals(items, chunks.stream().flatMap(List::stream).toList());
    }

    private static Set<String> indexedMethods(Class<?> e) {
        Set<String> out = new HashSet<>();
        for (Method m : e.getMethods()) if (m.isAnnotationPresent(Indexed.class)) out.add(m.getName());
        Indexes indexes = e.getAnnotation(Indexes.class);
        if (indexes != null) for (Index i : indexes.value()) out.addAll(List.of(i.methodNames()));
        return out;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
