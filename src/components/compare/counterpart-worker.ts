// A Web Worker: finds counterparts off the page's thread, so that preparing two long articles
// (seconds for two 50,000-word reports) never freezes the page. It keeps the articles and the
// related-word table between requests; each message is parsed before it is acted on.
import { counterpartEngine, hostHere } from './counterpart-engine.ts';
import { idOf, parseRequest, type CounterpartResponse } from './counterpart-messages.ts';

function send(message: CounterpartResponse): void {
  self.postMessage(message);
}

const engine = counterpartEngine(hostHere(send));

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseRequest(event.data);
  if (parsed.ok) engine.receive(parsed.value);
  else send({ kind: 'refused', id: idOf(event.data), reason: parsed.reason });
});
