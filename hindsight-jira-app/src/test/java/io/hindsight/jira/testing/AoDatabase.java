package io.hindsight.jira.testing;

import io.hindsight.jira.ao.AoSchema;
import net.java.ao.EntityManager;
import net.java.ao.RawEntity;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTableNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.atlassian.TablePrefix;
import net.java.ao.builder.EntityManagerBuilder;
import org.junit.rules.ExternalResource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh in-memory HSQLDB per test with the app's entities migrated by Active Objects 6.1.1, named the way
 * Jira's AO plugin names them: {@code AO_<last 6 hex of md5(namespace)>_<TABLE>} through Atlassian's converters.
 */
public final class AoDatabase extends ExternalResource {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private String url;
    private EntityManager em;
    private TestActiveObjects ao;

    /** The table prefix the AO plugin derives from a namespace, e.g. {@code AO_1A2B3C_}. */
    public static String prefixFor(String namespace) {
        try {
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(namespace.getBytes(StandardCharsets.UTF_8)));
            return ("AO_" + md5.substring(md5.length() - 6) + "_").toUpperCase(Locale.ROOT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static AtlassianTableNameConverter tableNames() {
        String prefix = prefixFor(AoSchema.NAMESPACE);
        TablePrefix tablePrefix = name -> prefix + name;
        return new AtlassianTableNameConverter(tablePrefix);
    }

    @Override
    protected void before() throws Throwable {
        url = "jdbc:hsqldb:mem:hindsight" + COUNTER.incrementAndGet();
        em = EntityManagerBuilder.url(url).username("sa").password("").none()
                .tableNameConverter(tableNames())
                .fieldNameConverter(new AtlassianFieldNameConverter())
                .sequenceNameConverter(new AtlassianSequenceNameConverter())
                .triggerNameConverter(new AtlassianTriggerNameConverter())
                .indexNameConverter(new AtlassianIndexNameConverter())
                .uniqueNameConverter(new AtlassianUniqueNameConverter())
                .build();
        @SuppressWarnings("unchecked")
        Class<? extends RawEntity<?>>[] entities = AoSchema.ENTITIES.toArray(new Class[0]);
        em.migrate(entities);
        ao = new TestActiveObjects(em);
    }

    @Override
    protected void after() {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("SHUTDOWN");
        } catch (Exception ignored) {
            // the database goes with the JVM anyway
        }
    }

    /** For tests that cannot use it as a rule (JerseyTest builds its application in its constructor). */
    public AoDatabase start() {
        try {
            before();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public void stop() {
        after();
    }

    public TestActiveObjects activeObjects() {
        return ao;
    }

    /** The tables AO created, as the database lists them. */
    public List<String> tables() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "AO_%", new String[]{"TABLE"})) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString("TABLE_NAME"));
            return out;
        }
    }

    /** Column names of a table, as the database lists them. */
    public List<String> columns(String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", table, "%")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString("COLUMN_NAME"));
            return out;
        }
    }

    /** Index names and the columns each covers, as "INDEX:COLUMN". */
    public List<String> indexes(String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.getMetaData().getIndexInfo(null, "PUBLIC", table, false, false)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME"));
            return out;
        }
    }
}
