package io.hindsight.core.markdown;

import io.hindsight.core.plan.SloPolicyLoader;
import org.junit.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;

/** After a first publish the file learns its issue key, and nothing else in it moves. */
public class FrontMatterKeyTest {
    private final MarkdownReader reader = new MarkdownReader(SloPolicyLoader.defaults().actionClasses());

    @Test
    public void theKeyGoesIntoTheFrontMatterAndTheRestStaysByteForByte() throws Exception {
        String original = Files.readString(Path.of("..", "examples", "atlassian-handbook.md"));
        String withKey = FrontMatterKey.set(original, "PM-42");
        assertEquals("PM-42", reader.read(withKey, "f.md").postMortem().key());
        assertEquals(original, withKey.replaceFirst("key: PM-42\n", ""));
        assertEquals(reader.read(original, "f.md").postMortem().withKey("PM-42"), reader.read(withKey, "f.md").postMortem());
    }

    @Test
    public void anExistingKeyIsReplacedAndAFileWithoutFrontMatterGetsOne() {
        assertEquals("---\ntitle: X\nkey: PM-7\n---\n## Summary\n", FrontMatterKey.set("---\ntitle: X\nkey: PM-1\n---\n## Summary\n", "PM-7"));
        assertEquals("---\nkey: PM-7\n---\n# Title\n", FrontMatterKey.set("# Title\n", "PM-7"));
        assertEquals("a key: line in the body is not the front matter's", "---\nkey: PM-7\ntitle: X\n---\nkey: not this one\n",
                FrontMatterKey.set("---\ntitle: X\n---\nkey: not this one\n", "PM-7"));
    }
}
