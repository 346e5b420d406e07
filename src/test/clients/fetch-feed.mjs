// Shared by the parser scripts: fetches a feed with Node's built-in fetch (which asks for gzip and
// decodes it, as a real reader does) and prints what a parser made of it as normalized JSON.

/** The body of `url` as text; exits non-zero unless the server answers 200. */
export async function fetchFeed(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  if (response.status !== 200) {
    throw new Error(`GET ${url}: HTTP ${response.status}`);
  }
  return response.text();
}

/** A parser's date (a Date, or a string the parser left unparsed) as an ISO instant, or null. */
export function iso(value) {
  if (value === undefined || value === null || value === '') {
    return null;
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`unparseable date: ${JSON.stringify(value)}`);
  }
  return date.toISOString();
}

/**
 * Prints `[{id, title, titleType?, link, published, updated?}]`: titleType only where the parser
 * reports a title's type, updated only where the parser reads an entry's update time.
 */
export function print(entries) {
  const normalized = entries.map(e => {
    const out = { id: e.id ?? null, title: e.title ?? null };
    if (e.titleType !== undefined) out.titleType = e.titleType ?? null;
    out.link = e.link ?? null;
    out.published = iso(e.published);
    if (e.updated !== undefined) out.updated = iso(e.updated);
    return out;
  });
  process.stdout.write(JSON.stringify(normalized) + '\n');
}

/** Runs `main`, reporting any failure on stderr with a non-zero exit. */
export function run(main) {
  main().catch(error => {
    process.stderr.write(`${error.stack ?? error}${error.cause ? `\ncaused by: ${error.cause.stack ?? error.cause}` : ''}\n`);
    process.exit(1);
  });
}
