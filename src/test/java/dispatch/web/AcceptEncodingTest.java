package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Unit tests for {@link AcceptEncoding#allowsGzip}: {@code gzip} or {@code x-gzip} named with a
 * non-zero quality, or {@code *} acceptable while gzip is not named (RFC 9110 §12.5.3).
 */
class AcceptEncodingTest {

    @Test
    void gzipAllowsGzip() {
        assertTrue(AcceptEncoding.allowsGzip("gzip"));
    }

    @Test
    void xGzipAllowsGzip() {
        assertTrue(AcceptEncoding.allowsGzip("x-gzip"));
    }

    @Test
    void codingNamesAreCaseInsensitive() {
        assertTrue(AcceptEncoding.allowsGzip("GZIP"));
        assertTrue(AcceptEncoding.allowsGzip("Gzip"));
        assertTrue(AcceptEncoding.allowsGzip("X-GZIP"));
    }

    @Test
    void gzipAmongOtherCodingsAllowsGzip() {
        assertTrue(AcceptEncoding.allowsGzip("gzip, deflate, br"));
        assertTrue(AcceptEncoding.allowsGzip("br,deflate,gzip"));
        assertTrue(AcceptEncoding.allowsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
    }

    @Test
    void gzipWithZeroQualityRefusesGzip() {
        assertFalse(AcceptEncoding.allowsGzip("gzip;q=0"));
        assertFalse(AcceptEncoding.allowsGzip("gzip;q=0.0"));
        assertFalse(AcceptEncoding.allowsGzip("gzip;q=0.000"));
        assertFalse(AcceptEncoding.allowsGzip("x-gzip;q=0"));
    }

    @Test
    void qualityParameterNameIsCaseInsensitive() {
        assertFalse(AcceptEncoding.allowsGzip("gzip;Q=0"));
        assertTrue(AcceptEncoding.allowsGzip("gzip;Q=0.5"));
    }

    @Test
    void smallestNonZeroQualityAllowsGzip() {
        assertTrue(AcceptEncoding.allowsGzip("gzip;q=0.001"));
    }

    @Test
    void explicitFullQualityAllowsGzip() {
        assertTrue(AcceptEncoding.allowsGzip("gzip;q=1"));
        assertTrue(AcceptEncoding.allowsGzip("gzip;q=1.000"));
    }

    @Test
    void qualityWithOptionalWhitespaceAroundTheSemicolonIsRead() {
        assertFalse(AcceptEncoding.allowsGzip("gzip; q=0"));
        assertFalse(AcceptEncoding.allowsGzip("gzip ;q=0"));
        assertFalse(AcceptEncoding.allowsGzip("gzip ; q=0 "));
        assertFalse(AcceptEncoding.allowsGzip("deflate , gzip\t;\tq=0 , br"));
        assertTrue(AcceptEncoding.allowsGzip("deflate , gzip ; q=0.7 , br"));
    }

    @Test
    void unreadableQualityRefusesGzip() {
        assertFalse(AcceptEncoding.allowsGzip("gzip;q=high"));
    }

    @Test
    void qualityWithSpacesAroundTheEqualsSignIsStillRead() {
        // Not the RFC grammar, but "q = 0" plainly refuses gzip; it must never read as q=1.
        assertFalse(AcceptEncoding.allowsGzip("gzip;q = 0"));
        assertFalse(AcceptEncoding.allowsGzip("gzip; q =0"));
        assertTrue(AcceptEncoding.allowsGzip("gzip; q = 0.5"));
    }

    @Test
    void emptyQualityRefusesGzipLikeAnUnreadableOne() {
        assertFalse(AcceptEncoding.allowsGzip("gzip;q="));
    }

    @Test
    void otherParametersAreIgnored() {
        assertTrue(AcceptEncoding.allowsGzip("gzip;level=9"));
        assertFalse(AcceptEncoding.allowsGzip("gzip;level=9;q=0"));
    }

    @Test
    void starAllowsGzip() {
        assertTrue(AcceptEncoding.allowsGzip("*"));
        assertTrue(AcceptEncoding.allowsGzip("deflate, *;q=0.5"));
    }

    @Test
    void starWithZeroQualityRefusesGzip() {
        assertFalse(AcceptEncoding.allowsGzip("*;q=0"));
        assertFalse(AcceptEncoding.allowsGzip("identity, *;q=0"));
    }

    @Test
    void namedGzipWinsOverStar() {
        assertFalse(AcceptEncoding.allowsGzip("gzip;q=0, *"));
        assertFalse(AcceptEncoding.allowsGzip("*, gzip;q=0"));
        assertTrue(AcceptEncoding.allowsGzip("*;q=0, gzip"));
        assertTrue(AcceptEncoding.allowsGzip("gzip, *;q=0"));
    }

    @Test
    void identityAloneRefusesGzip() {
        assertFalse(AcceptEncoding.allowsGzip("identity"));
    }

    @Test
    void otherCodingsAloneRefuseGzip() {
        assertFalse(AcceptEncoding.allowsGzip("deflate, br, compress"));
    }

    @Test
    void codingsThatOnlyContainGzipRefuseGzip() {
        assertFalse(AcceptEncoding.allowsGzip("gzipped"));
        assertFalse(AcceptEncoding.allowsGzip("x-gzip2, not-gzip"));
    }

    @Test
    void emptyOrMissingHeaderRefusesGzip() {
        assertFalse(AcceptEncoding.allowsGzip(null));
        assertFalse(AcceptEncoding.allowsGzip(""));
        assertFalse(AcceptEncoding.allowsGzip("   "));
        assertFalse(AcceptEncoding.allowsGzip(" , ,"));
    }

    @Test
    void emptyListMembersAreSkipped() {
        assertTrue(AcceptEncoding.allowsGzip(" , ,gzip"));
    }

    @Test
    void identityRankedAboveGzipGetsIdentity() {
        assertFalse(AcceptEncoding.allowsGzip("gzip;q=0.5, identity;q=1"));
        assertFalse(AcceptEncoding.allowsGzip("identity, gzip;q=0.9"));
        assertFalse(AcceptEncoding.allowsGzip("*;q=1, gzip;q=0.5"), "* ranks identity when it is not named");
    }

    @Test
    void gzipRankedAtOrAboveIdentityGetsGzip() {
        assertTrue(AcceptEncoding.allowsGzip("gzip;q=1, identity;q=0.5"));
        assertTrue(AcceptEncoding.allowsGzip("gzip;q=0.5, identity;q=0.5"), "a tie goes to the smaller body");
        assertTrue(AcceptEncoding.allowsGzip("gzip;q=0.5"), "identity not ranked");
        assertTrue(AcceptEncoding.allowsGzip("identity;q=0, gzip;q=0.1"));
    }

    @Test
    void headersOfOnlySeparatorsNeverThrow() {
        for (String h : new String[] {";", ";;", ",", ";,;", "=", ";q=", "\"", "\";q=1"}) {
            assertFalse(AcceptEncoding.allowsGzip(h), h);
        }
    }

    @Test
    void quotedParameterValuesMayHoldCommasAndSemicolons() {
        assertTrue(AcceptEncoding.allowsGzip("gzip;x=\"a,b;c\";q=0.8, br"));
        assertFalse(AcceptEncoding.allowsGzip("br;x=\"gzip, *\", deflate"));
    }
}
