// feedsmith (RSS, Atom and JSON Feed): node feedsmith.mjs <feed URL>
// feedsmith leaves dates as the strings it found (no parseDateFn given); they are read here with
// JavaScript's Date. Atom titles come with their type attribute, which is passed on as titleType.
import { parseFeed } from 'feedsmith';
import { fetchFeed, print, run } from './fetch-feed.mjs';

function alternate(links) {
  const link = (links ?? []).find(l => l.rel === undefined || l.rel === 'alternate');
  return link?.href;
}

run(async () => {
  const { format, feed } = parseFeed(await fetchFeed(process.argv[2]));
  let entries;
  switch (format) {
    case 'rss':
      entries = (feed.items ?? []).map(item => ({
        id: item.guid?.value,
        title: item.title,
        link: item.link,
        published: item.pubDate,
      }));
      break;
    case 'atom':
      entries = (feed.entries ?? []).map(entry => ({
        id: entry.id,
        title: entry.title?.value,
        titleType: entry.title?.type ?? 'text',
        link: alternate(entry.links),
        published: entry.published,
        updated: entry.updated,
      }));
      break;
    case 'json':
      entries = (feed.items ?? []).map(item => ({
        id: item.id,
        title: item.title,
        link: item.url,
        published: item.date_published,
        updated: item.date_modified,
      }));
      break;
    default:
      throw new Error(`feedsmith read the feed as ${format}`);
  }
  print(entries);
});
