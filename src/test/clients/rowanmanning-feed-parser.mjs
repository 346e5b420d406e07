// @rowanmanning/feed-parser (RSS and Atom): node rowanmanning-feed-parser.mjs <feed URL>
// It hands back titles as text (an Atom type="html" title is decoded), ids from guid / atom:id,
// links from link / the alternate link, dates as Date objects.
import { parseFeed } from '@rowanmanning/feed-parser';
import { fetchFeed, print, run } from './fetch-feed.mjs';

run(async () => {
  const feed = parseFeed(await fetchFeed(process.argv[2]));
  const atom = feed.meta.type === 'atom';
  print(feed.items.map(item => ({
    id: item.id,
    title: item.title,
    link: item.url,
    published: item.published,
    // RSS items have no update time: the parser copies the publication date there.
    ...(atom ? { updated: item.updated } : {}),
  })));
});
