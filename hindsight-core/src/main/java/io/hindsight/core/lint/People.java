package io.hindsight.core.lint;

import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.PostMortem;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells people from systems in a sentence's subject. "Bob broke prod" blames; "The deploy broke prod"
 * does not. People are pronouns, roles ("the intern", "an engineer"), first names, {@code @handles},
 * and the names the post-mortem itself lists (authors, approvers, owners), case-insensitive for those
 * since teams write handles in lower case ("docbrown").
 */
final class People {
    /** Names that are also ordinary words or common system names, so are never taken for a person. */
    private static final Set<String> NOT_NAMES = Set.of("may", "june", "april", "august", "will", "mark", "bill",
            "pat", "sue", "joy", "hope", "faith", "summer", "art", "chase", "max", "grace", "rich", "page", "dash",
            "cassandra", "ruby", "julia", "alexa", "siri", "jenkins", "hudson", "kafka", "sage", "ray", "ivy", "dawn");

    private static final String FIRST_NAMES = String.join("|",
            "Aaron", "Abdul", "Adam", "Adrian", "Ahmed", "Aisha", "Alan", "Alex", "Alexander", "Alice", "Alicia", "Amanda",
            "Amir", "Amy", "Ana", "Andrea", "Andrew", "Andy", "Angela", "Anna", "Anne", "Anthony", "Arjun", "Ben",
            "Benjamin", "Bob", "Brad", "Brian", "Bruce", "Carl", "Carlos", "Carol", "Caroline", "Charles", "Charlie",
            "Chen", "Chloe", "Chris", "Christina", "Claire", "Clara", "Craig", "Dan", "Dana", "Daniel", "Dave", "David",
            "Deepak", "Dennis", "Diana", "Diego", "Dmitri", "Eduardo", "Elena", "Eli", "Elizabeth", "Emily", "Emma",
            "Eric", "Erik", "Eve", "Fatima", "Felix", "Fernando", "Frank", "Fred", "Gary", "George", "Greg", "Hana",
            "Hannah", "Hans", "Harry", "Helen", "Henry", "Hiroshi", "Ian", "Igor", "Ivan", "Jack", "Jake", "James",
            "Jamie", "Jane", "Jason", "Javier", "Jen", "Jennifer", "Jeff", "Jessica", "Jim", "Joe", "John", "Jon",
            "Jordan", "Jorge", "Jose", "Joseph", "Josh", "Juan", "Julie", "Karen", "Kate", "Katie", "Kevin", "Kenji",
            "Kim", "Kyle", "Laura", "Lee", "Leo", "Li", "Lisa", "Liam", "Lucas", "Luis", "Luke", "Maria", "Marie",
            "Martin", "Mary", "Matt", "Matthew", "Mehmet", "Mei", "Michael", "Michelle", "Miguel", "Mike", "Mohammed",
            "Muhammad", "Nadia", "Nancy", "Nathan", "Nick", "Nicole", "Nina", "Noah", "Olga", "Oliver", "Omar", "Pablo",
            "Paul", "Pedro", "Peter", "Phil", "Priya", "Rachel", "Rahul", "Raj", "Ravi", "Rebecca", "Richard", "Rick",
            "Rob", "Robert", "Ryan", "Sam", "Samuel", "Sandra", "Sara", "Sarah", "Scott", "Sean", "Sergei", "Sofia",
            "Sophie", "Steve", "Steven", "Susan", "Tanya", "Thomas", "Tim", "Tom", "Tony", "Tyler", "Victor", "Wei",
            "Will", "William", "Yuki", "Yusuf", "Zoe", "Mallory", "Trent", "Ted", "Kyoko", "Ali", "Bilal", "Sven", "Lars",
            "Ingrid", "Astrid", "Olaf", "Marco", "Giulia", "Luca", "Francesca", "Pierre", "Camille", "Jean", "Klaus",
            "Jürgen", "Stefan", "Lena", "Anya", "Natasha", "Nikhil", "Ananya", "Vikram", "Sanjay", "Xiao", "Jun", "Min");

    private static final String ROLES = "(?:(?:new|junior|senior|responsible|assigned|lead|on-?call|primary|secondary|"
            + "database|backend|frontend|platform|release|infra(?:structure)?|ops|devops|support|QA|staff)\\s+)*"
            + "(?:intern|engineer|developer|dev|admin|administrator|sysadmin|operator|SRE|DBA|contractor|new hire|hire|"
            + "employee|teammate|colleague|on-?call(?:er)?|team lead|manager|programmer|tech lead|analyst|consultant|"
            + "person|staff member|coworker|co-worker|reviewer|approver|responder|commander)s?";

    /** A single person: the case the blameless rules are strictest about. */
    final String individual;
    /** A person or a group of people ("we", "the team", "they"). */
    final String anyone;

    People(PostMortem pm) {
        Set<String> known = new LinkedHashSet<>();
        known.addAll(pm.authors());
        known.addAll(pm.approvers());
        for (ActionItem a : pm.actionItems()) if (a.owner() != null) known.add(a.owner());
        String handles = known.stream()
                .map(n -> n.replaceAll("^@", "").strip())
                .filter(n -> n.length() > 1 && !NOT_NAMES.contains(n.toLowerCase(Locale.ROOT)))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        String names = "(?-i:(?:" + FIRST_NAMES + "))(?!\\.\\w)";
        String known1 = handles.isEmpty() ? "" : "|(?:" + handles + ")";
        String name = "(?:" + names + known1 + ")(?:\\s+(?-i:[A-Z])[a-z]+)?";
        this.individual = "(?:\\b(?:he|she|someone|somebody|I)\\b|@[\\w.-]+|\\b(?:the|a|an|our|one of (?:the|our)|that|this)\\s+"
                + ROLES + "\\b|\\b" + name + "\\b(?!\\s*(?:'s|’s)?\\s+(?:service|server|cluster|job|script|team|bot|pipeline|dashboard)\\b))";
        this.anyone = "(?:" + individual + "|\\b(?:we|they|you|nobody|no one|the team|our team|the \\w+ team)\\b)";
    }

}
