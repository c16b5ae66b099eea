package dev.feedwright.pipeline;

import dev.feedwright.catalog.LinkVerdicts;
import dev.feedwright.corpus.WebLinks;
import java.util.Set;

/**
 * Link verdicts whose moved addresses obey the corpus's own rules for links. A permanent redirect
 * may lead to an address an article's link could never be (one carrying credentials, which every
 * feed would publish, or an IPv6 literal, which feed validators refuse): such a move is not
 * followed, and the item keeps its link as read. A usable address is published in its normal form.
 */
final class UsableMoves implements LinkVerdicts {

    private final LinkVerdicts verdicts;

    UsableMoves(LinkVerdicts verdicts) {
        this.verdicts = verdicts;
    }

    @Override
    public String resolve(String link) {
        String resolved = verdicts.resolve(link);
        if (resolved == null || resolved.equals(link)) {
            return resolved;
        }
        WebLinks.Result moved = WebLinks.parse(resolved);
        return moved.usable() ? moved.url() : link;
    }

    @Override
    public Set<String> dead() {
        return verdicts.dead();
    }

    @Override
    public String fingerprint() {
        return verdicts.fingerprint();
    }
}
