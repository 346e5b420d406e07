// The subscriber side of bench/websub: one HTTP server standing in for many WebSub callbacks,
// /cb/<n>. A GET confirms intent (echoes hub.challenge); a POST is a delivery, whose
// X-Hub-Signature is checked against HMAC-SHA256(secret-<n>, body). GET /stats reports the counts
// and the times (ms since the epoch) of the first and last delivery; POST /reset zeroes them.
// usage: node bench/websub-receiver.mjs <port>
import http from 'node:http';
import crypto from 'node:crypto';

const port = Number(process.argv[2]);
let stats;
const reset = () => { stats = { verified: 0, delivered: 0, badSignature: 0, bytes: 0, first: 0, last: 0 }; };
reset();

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(stats));
  }
  if (url.pathname === '/reset') {
    reset();
    res.writeHead(204);
    return res.end();
  }
  const n = url.pathname.startsWith('/cb/') ? url.pathname.slice(4) : null;
  if (req.method === 'GET' && n !== null) {
    stats.verified++;
    res.writeHead(200, { 'content-type': 'text/plain' });
    return res.end(url.searchParams.get('hub.challenge') ?? '');
  }
  if (req.method === 'POST' && n !== null) {
    const hmac = crypto.createHmac('sha256', 'secret-' + n);
    let bytes = 0;
    req.on('data', chunk => { hmac.update(chunk); bytes += chunk.length; });
    req.on('end', () => {
      const now = Date.now();
      if (req.headers['x-hub-signature'] === 'sha256=' + hmac.digest('hex')) {
        stats.delivered++;
        stats.bytes += bytes;
        stats.first = stats.first || now;
        stats.last = now;
      } else {
        stats.badSignature++;
      }
      res.writeHead(204);
      res.end();
    });
    return;
  }
  res.writeHead(404);
  res.end();
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log('ready'));
