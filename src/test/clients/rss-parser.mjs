// rss-parser (RSS and Atom): node rss-parser.mjs <feed URL>
// It keeps an Atom title's text as it stands in the document and drops its type attribute, so an
// Atom type="html" title comes back as escaped HTML with nothing saying so.
import Parser from 'rss-parser';
import { fetchFeed, print, run } from './fetch-feed.mjs';

run(async () => {
  const feed = await new Parser().parseString(await fetchFeed(process.argv[2]));
  print(feed.items.map(item => ({
    // RSS: guid; Atom: id.
    id: item.guid ?? item.id,
    title: item.title,
    link: item.link,
    // isoDate: the parser's own reading of pubDate (RSS) or published, else updated (Atom).
    published: item.isoDate,
  })));
});
