package io.hindsight.core.markdown;

import io.hindsight.core.Examples;
import io.hindsight.core.model.PostMortem;
import org.junit.Test;

import static org.junit.Assert.assertEquals;

/** Writing a post-mortem and reading it back gives the same post-mortem: files never drift. */
public class RoundTripTest {
    private final MarkdownWriter writer = new MarkdownWriter();

    private void roundTrips(PostMortem pm) {
        String written = writer.write(pm);
        ParsedPostMortem again = Examples.reader().read(written, "written.md");
        assertEquals(written, pm, again.postMortem());
        assertEquals("and writing it again gives the same text", written, writer.write(again.postMortem()));
    }

    @Test
    public void everyExampleRoundTrips() {
        for (String name : new String[]{"replication-lag.md", "google-sre-shakespeare.md", "atlassian-handbook.md"}) {
            roundTrips(Examples.read(name).postMortem());
        }
    }

    @Test
    public void unreadableLinesSurviveTheRoundTrip() {
        PostMortem pm = Examples.reader().read("""
                ---
                title: Partial
                custom-field: {nested: [1, 2]}
                ---
                Some preamble text.

                ## Action items
                Intro to the actions.
                - [ ] [bogus] kept as text
                - [x] A real one @ana
                """, "p.md").postMortem();
        roundTrips(pm);
    }

    @Test
    public void aLargeGeneratedPostMortemRoundTrips() {
        roundTrips(Examples.reader().read(io.hindsight.core.sample.SamplePostMortems.large(300, 60), "large.md").postMortem());
    }
}
