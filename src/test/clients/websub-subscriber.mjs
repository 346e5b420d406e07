// A WebSub subscriber, npm pubsubhubbub@1.0.2: node websub-subscriber.mjs <hub URL> <topic URL> <secret>
// Listens on a free loopback port, subscribes to the topic through the hub, and prints one JSON
// line per event: listening, subscribe (intent verified), feed (a delivery whose X-Hub-Signature
// matched: the module drops any other), unsubscribe, denied, error. A line "unsubscribe" on
// standard input unsubscribes; the end of standard input ends the program.
import pubsubhubbub from 'pubsubhubbub';
import crypto from 'node:crypto';
import readline from 'node:readline';

const [hub, topic, secret] = process.argv.slice(2);
const say = event => process.stdout.write(JSON.stringify(event) + '\n');
const subscriber = pubsubhubbub.createServer({ secret });

subscriber.on('listen', () => {
  subscriber.callbackUrl = `http://127.0.0.1:${subscriber.server.address().port}/`;
  say({ event: 'listening', callback: subscriber.callbackUrl });
  subscriber.subscribe(topic, hub, error => error && say({ event: 'error', message: String(error.message) }));
  // The module sends the hub not its secret but HMAC-SHA1(secret, topic) as hub.secret, then
  // checks each X-Hub-Signature with the secret itself, so no hub that follows the
  // Recommendation (signing with the hub.secret it was given) could ever pass its check. From
  // here on it checks with what it gave the hub.
  subscriber.secret = crypto.createHmac('sha1', secret).update(topic).digest('hex');
});
subscriber.on('subscribe', data => say({ event: 'subscribe', topic: data.topic, lease: data.lease }));
subscriber.on('unsubscribe', data => say({ event: 'unsubscribe', topic: data.topic }));
subscriber.on('denied', data => say({ event: 'denied', topic: data.topic }));
subscriber.on('error', error => say({ event: 'error', message: String(error.message) }));
subscriber.on('feed', data => say({
  event: 'feed',
  topic: data.topic,
  hub: data.hub,
  contentType: data.headers['content-type'],
  signature: data.headers['x-hub-signature'],
  body: data.feed.toString('utf8'),
}));

readline.createInterface({ input: process.stdin })
  .on('line', line => {
    if (line.trim() === 'unsubscribe') {
      subscriber.unsubscribe(topic, hub, error => error && say({ event: 'error', message: String(error.message) }));
    }
  })
  .on('close', () => process.exit(0));

subscriber.listen(0, '127.0.0.1');
