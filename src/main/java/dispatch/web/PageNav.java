package dispatch.web;

/**
 * The links between a feed's page for people and its older pages, which mirror its RFC 5005
 * archive pages.
 *
 * @param heading what the page is, such as "Older articles, page 3 of 7"; null on the feed's home page
 * @param newer the URL of the page of newer articles, or null
 * @param older the URL of the page of older articles, or null
 */
public record PageNav(String heading, String newer, String older) {
}
