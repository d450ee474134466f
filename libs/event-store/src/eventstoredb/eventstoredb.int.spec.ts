import { describeEventStoreConformance } from '../conformance/event-store.conformance';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/*
 * No EventStoreDB server runs on the development machines; CI and anyone with a server set
 * EVENTSTORE_URL (e.g. esdb://127.0.0.1:2113?tls=false) to run the same suite against it.
 */
const url = process.env.EVENTSTORE_URL;

if (url) {
  describeEventStoreConformance(`EventStoreDB (${url.replace(/\/\/[^@/]*@/, '//***@')})`, {
    async open() {
      return EventStoreDbEventStore.connect(url);
    },
    async close(store) {
      await store.close();
    },
  });
} else {
  process.stdout.write('EventStore conformance: EventStoreDB skipped: EVENTSTORE_URL not set (e.g. kurrentdb://127.0.0.1:2113?tls=false)\n');
  describe('EventStore conformance: EventStoreDB', () => {
    it.skip('skipped: EVENTSTORE_URL not set (set it to run the conformance suite against a server)', () => undefined);
  });
}
