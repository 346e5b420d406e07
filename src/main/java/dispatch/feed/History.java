package dispatch.feed;

import java.time.format.DateTimeFormatter;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** The XML of a feed's history: RFC 5005's archive mark and RFC 6721's tombstones. */
final class History {

    /** Feed History (RFC 5005). */
    static final Namespace FH = Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");

    /** Atom Tombstones (RFC 6721). */
    static final Namespace AT = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");

    private History() {
    }

    /** {@code <fh:archive/>}: this document is an archive page, whose entries stay as they are. */
    static Element archiveMark() {
        return new Element("archive", FH);
    }

    /** {@code <at:deleted-entry ref="..." when="..."/>} for {@code t}. */
    static Element deletedEntry(Tombstone t) {
        return new Element("deleted-entry", AT).setAttribute("ref", t.ref())
                .setAttribute("when", DateTimeFormatter.ISO_INSTANT.format(t.when()));
    }
}
