package org.usermodels.systemtests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the docs' links honest: every relative link of the README and of docs/ names a file of the repository,
 * and every link to a heading ({@code chapter.md#heading}) names a heading the chapter has, by the anchor GitHub
 * gives it. The curriculum's index, docs/README.md, reaches every chapter.
 */
class DocumentedLinksTest {

    static final Path REPOSITORY = DocumentedSqlCoverageTest.REPOSITORY;

    /** A Markdown link, {@code [text](target)}, whose target is not a web address or a mail address. */
    static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\((?!https?:|mailto:)([^)\\s]+)\\)");

    static final Pattern FENCE = Pattern.compile("^```.*?^```$", Pattern.MULTILINE | Pattern.DOTALL);
    static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);

    @Test
    void everyRelativeLinkNamesAFileAndEveryAnchorAHeading() {
        var links = 0;
        var broken = new ArrayList<String>();
        for (var page : pages()) {
            var text = FENCE.matcher(read(page)).replaceAll("");
            var found = LINK.matcher(text);
            while (found.find()) {
                links++;
                var target = found.group(1);
                var hash = target.indexOf('#');
                var file = hash < 0 ? target : target.substring(0, hash);
                var anchor = hash < 0 ? null : target.substring(hash + 1);
                var resolved = file.isEmpty()
                        ? page
                        : page.getParent()
                                .resolve(URLDecoder.decode(file, StandardCharsets.UTF_8))
                                .normalize();
                if (!Files.exists(resolved)) {
                    broken.add(name(page) + ": " + target + " (no such file)");
                } else if (anchor != null
                        && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(anchor)) {
                    broken.add(name(page) + ": " + target + " (no such heading)");
                }
            }
        }

        assertThat(links).as("relative links read").isGreaterThan(200);
        assertThat(broken).isEmpty();
    }

    @Test
    void theCurriculumsIndexReachesEveryChapter() throws IOException {
        var index = REPOSITORY.resolve("docs/README.md");
        var linked = new HashSet<String>();
        var found = LINK.matcher(read(index));
        while (found.find()) {
            var target = found.group(1).replaceFirst("#.*", "");
            linked.add(index.getParent().resolve(target).normalize().toString());
        }
        var chapters = new TreeSet<String>();
        try (Stream<Path> files = Files.list(REPOSITORY.resolve("docs"))) {
            files.filter(file -> file.toString().endsWith(".md") && !file.equals(index))
                    .forEach(file -> chapters.add(file.toString()));
        }

        assertThat(chapters).as("the chapters of docs/").hasSizeGreaterThan(20);
        assertThat(chapters).as("chapters the index does not link").isSubsetOf(linked);
        assertThat(read(REPOSITORY.resolve("README.md"))).contains("(docs/README.md)");
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces made hyphens. */
    static Set<String> anchors(Path page) {
        var anchors = new HashSet<String>();
        var headings = HEADING.matcher(FENCE.matcher(read(page)).replaceAll(""));
        while (headings.find()) {
            var base = headings.group(1)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            var anchor = base;
            for (var n = 1; !anchors.add(anchor); n++) {
                anchor = base + "-" + n;
            }
        }
        return anchors;
    }

    private static List<Path> pages() {
        try (Stream<Path> files = Files.walk(REPOSITORY.resolve("docs"))) {
            var pages = new ArrayList<>(files.filter(file -> file.toString().endsWith(".md"))
                    .sorted()
                    .toList());
            pages.add(REPOSITORY.resolve("README.md"));
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path page) {
        return REPOSITORY.relativize(page).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
