// What each Node parser reads of a feed's images, rights and enclosures: node media.mjs <parser> <feed URL>
// Prints {feed: {image, rights}, items: [{id, image, enclosures: [{url, type, length}]}]}, each
// field as that parser reports it (null where it reports nothing), for the Java tests to compare
// with what Dispatch published.
import Parser from 'rss-parser';
import { parseFeed as feedsmith } from 'feedsmith';
import { parseFeed as rowanmanning } from '@rowanmanning/feed-parser';
import { fetchFeed, run } from './fetch-feed.mjs';

const num = v => (v === undefined || v === null || v === '' ? null : Number(v));
const enclosure = (url, type, length) => ({ url: url ?? null, type: type ?? null, length: num(length) });

const parsers = {
  async 'rss-parser'(text) {
    const feed = await new Parser({
      customFields: { feed: ['copyright', 'rights'], item: [['media:thumbnail', 'thumbnail']] },
    }).parseString(text);
    return {
      feed: { image: feed.image?.url ?? null, rights: feed.copyright ?? feed.rights ?? null },
      items: feed.items.map(i => ({
        id: i.guid ?? i.id,
        image: i.thumbnail?.$?.url ?? null,
        enclosures: i.enclosure ? [enclosure(i.enclosure.url, i.enclosure.type, i.enclosure.length)] : [],
      })),
    };
  },
  async feedsmith(text) {
    const { format, feed } = feedsmith(text);
    if (format === 'rss') {
      return {
        feed: { image: feed.image?.url ?? null, rights: feed.copyright ?? null },
        items: (feed.items ?? []).map(i => ({
          id: i.guid?.value,
          image: i.media?.thumbnails?.[0]?.url ?? null,
          enclosures: (i.enclosures ?? []).map(e => enclosure(e.url, e.type, e.length)),
        })),
      };
    }
    if (format === 'atom') {
      return {
        feed: { image: feed.logo ?? feed.icon ?? null, rights: feed.rights?.value ?? feed.rights ?? null },
        items: (feed.entries ?? []).map(e => ({
          id: e.id,
          image: e.media?.thumbnails?.[0]?.url ?? null,
          enclosures: (e.links ?? []).filter(l => l.rel === 'enclosure').map(l => enclosure(l.href, l.type, l.length)),
        })),
      };
    }
    return {
      feed: { image: feed.icon ?? null, rights: null },
      items: (feed.items ?? []).map(i => ({
        id: i.id,
        image: i.image ?? null,
        enclosures: (i.attachments ?? []).map(a => enclosure(a.url, a.mime_type ?? a.mimeType, a.size_in_bytes ?? a.sizeInBytes)),
      })),
    };
  },
  async '@rowanmanning/feed-parser'(text) {
    const feed = rowanmanning(text);
    return {
      feed: { image: feed.image?.url ?? null, rights: feed.copyright ?? null },
      items: feed.items.map(i => ({
        id: i.id,
        image: i.image?.url ?? null,
        enclosures: (i.media ?? []).filter(m => m.type !== 'image').map(m => enclosure(m.url, m.mimeType, m.length)),
      })),
    };
  },
};

run(async () => {
  const parse = parsers[process.argv[2]];
  if (!parse) {
    throw new Error(`no parser ${process.argv[2]}`);
  }
  process.stdout.write(JSON.stringify(await parse(await fetchFeed(process.argv[3]))) + '\n');
});
