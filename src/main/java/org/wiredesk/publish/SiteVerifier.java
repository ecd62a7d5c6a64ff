package org.wiredesk.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a site folder against what the store says was published: each page is there, signed by one of the desk's
 * keys, shows what it signed, and signed what the store recorded; a killed story's page is the withdrawal notice;
 * no page is there that no record accounts for; and the site's {@code desk-key.pem} is the desk's.
 */
public final class SiteVerifier {
    private final PageVerifier pages = new PageVerifier();

    public SiteReport check(List<PublishedRecord> records, Path site, PublicKey deskKey) {
        return check(records, site, List.of(deskKey));
    }

    /** Checks every record's page; {@code deskKeys} are the desk's public keys, current and earlier. */
    public SiteReport check(List<PublishedRecord> records, Path site, Collection<PublicKey> deskKeys) {
        if (deskKeys.isEmpty()) {
            throw new IllegalArgumentException("a site is checked against at least one desk key");
        }
        List<PublicKey> keys = List.copyOf(deskKeys);
        List<SiteReport.Finding> findings = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        int verified = 0;
        for (PublishedRecord record : records) {
            expected.add(record.page());
            int before = findings.size();
            checkOne(record, site, keys, findings);
            if (findings.size() == before) {
                verified++;
            }
        }
        strayPages(site, expected, findings);
        checkDeskKey(site, keys, findings);
        return new SiteReport(records.size(), verified, findings);
    }

    private void checkOne(PublishedRecord record, Path site, List<PublicKey> keys, List<SiteReport.Finding> findings) {
        String location = record.page();
        Path file = site.resolve(location);
        if (!Files.isRegularFile(file)) {
            findings.add(new SiteReport.Finding(record.id(), location, "its page is missing"));
            return;
        }
        Optional<String> text = read(file);
        if (text.isEmpty()) {
            findings.add(new SiteReport.Finding(record.id(), location, "its page is not UTF-8 text"));
            return;
        }
        String html = text.get();
        if (record.killed()) {
            if (!pages.isWithdrawalNotice(html, record.id())) {
                findings.add(new SiteReport.Finding(record.id(), location,
                        "it was killed, but its page is not the withdrawal notice"));
            }
            return;
        }
        PageCheck check = checkWithItsKey(html, keys);
        check.differences().forEach(d -> findings.add(new SiteReport.Finding(record.id(), location, d)));
        check.signature().ifPresent(s -> {
            List<String> differ = differingFields(s.fields(), record);
            if (!differ.isEmpty()) {
                findings.add(new SiteReport.Finding(record.id(), location, "the page's signed "
                        + String.join(", ", differ) + (differ.size() == 1 ? " differs" : " differ")
                        + " from what the store says was published"));
            }
        });
    }

    /** Checks with the desk key the page names, so pages signed before a key rotation still verify. */
    private PageCheck checkWithItsKey(String html, List<PublicKey> keys) {
        PageCheck first = pages.check(html, keys.get(0));
        Optional<String> named = first.signature().map(PageSignature::keyId);
        if (first.verified() || named.isEmpty()) {
            return first;
        }
        for (PublicKey key : keys) {
            if (DeskKeys.keyId(key).equals(named.get())) {
                return pages.check(html, key);
            }
        }
        return first;
    }

    private static List<String> differingFields(PageFields signed, PublishedRecord record) {
        List<String> differ = new ArrayList<>();
        if (!signed.id().equals(record.id())) {
            differ.add("story id");
        }
        if (!signed.headline().equals(record.headline())) {
            differ.add("headline");
        }
        if (!signed.bodySha256().equals(record.bodySha256())
                || record.bodyHtmlSha256() != null && !signed.bodyHtmlSha256().equals(record.bodyHtmlSha256())) {
            differ.add("body");
        }
        if (!signed.url().equals(record.url())) {
            differ.add("url");
        }
        if (!signed.publishedAt().equals(record.publishedAt())) {
            differ.add("time");
        }
        return differ;
    }

    private static void strayPages(Path site, Set<String> expected, List<SiteReport.Finding> findings) {
        Path folder = site.resolve("stories");
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".html"))
                    .map(f -> "stories/" + f.getFileName()).sorted()
                    .filter(p -> !expected.contains(p))
                    .forEach(p -> findings.add(new SiteReport.Finding(null, p,
                            "a page no publication record accounts for")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void checkDeskKey(Path site, List<PublicKey> keys, List<SiteReport.Finding> findings) {
        Path file = site.resolve(SiteFolder.DESK_KEY);
        if (!Files.isRegularFile(file)) {
            findings.add(new SiteReport.Finding(null, SiteFolder.DESK_KEY, "the site does not publish the desk's key"));
            return;
        }
        try {
            String published = DeskKeys.keyId(PemKeys.readPublicKey(file));
            if (keys.stream().noneMatch(k -> DeskKeys.keyId(k).equals(published))) {
                findings.add(new SiteReport.Finding(null, SiteFolder.DESK_KEY,
                        "the key the site publishes is not one of the desk's keys"));
            }
        } catch (IllegalArgumentException e) {
            findings.add(new SiteReport.Finding(null, SiteFolder.DESK_KEY, "the site's key file is not a key"));
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
