package dispatch.stats;

/**
 * One answered request for a feed document, as the stats see it.
 *
 * @param feed the feed's id
 * @param address the client's address; hashed with the day's salt, never stored
 * @param userAgent its User-Agent, or null
 * @param conditional whether it sent If-None-Match or If-Modified-Since
 * @param gzip whether it was answered gzipped
 * @param notModified whether it was answered 304
 * @param bytesSent body bytes sent
 * @param bytesSaved body bytes a 304 or gzip spared, against an identity 200
 * @param nanos when ({@link System#nanoTime})
 */
public record Hit(String feed, String address, String userAgent, boolean conditional, boolean gzip, boolean notModified, long bytesSent,
        long bytesSaved, long nanos) {
}
