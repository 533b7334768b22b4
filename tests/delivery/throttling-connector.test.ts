import assert from 'node:assert/strict';
import { perSecond } from '../../bot/delivery/teams-limits';
import { IN_FLIGHT_GRACE_MS, startThrottlingConnector, type ThrottlingConnector } from '../support/throttling-connector';

/** The connector the delivery tests and the benchmark judge the sender by: it must catch a sender that goes over. */
describe('throttling connector (test support)', () => {
  let connector: ThrottlingConnector;
  afterEach(async () => connector?.close());

  const post = (conversationId: string) =>
    fetch(`${connector.url}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hi' }),
    });

  it('answers 429 and counts a violation when one conversation goes over 7 in a second', async () => {
    connector = await startThrottlingConnector({ global: perSecond(100) });
    const answers = await Promise.all(Array.from({ length: 10 }, () => post('a:alice')));

    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 200, 200, 429, 429, 429]);
    assert.equal(answers.find((r) => r.status === 429)!.headers.get('retry-after'), '1');
    assert.equal(connector.accepted.length, 7);
    assert.equal(connector.violations.length, 3);
    assert.ok(connector.violations.every((v) => v.rule === 'conversation 7/1000ms'));
  });

  it('answers 429 and counts a violation when the app goes over its global rate', async () => {
    connector = await startThrottlingConnector({ global: perSecond(30) });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(`a:person-${i}`)));

    assert.equal(answers.filter((r) => r.status === 200).length, 30);
    assert.equal(connector.violations.length, 10);
    assert.ok(connector.violations.every((v) => v.rule === 'app 30/1000ms'));
  });

  it('answers 403 for blocked and 404 for gone conversations', async () => {
    connector = await startThrottlingConnector({ global: perSecond(30), blocked: ['a:blocked'], gone: ['a:gone'] });
    assert.equal((await post('a:blocked')).status, 403);
    assert.equal((await post('a:gone')).status, 404);
    assert.equal((await post('a:fine')).status, 200);
    assert.equal(connector.violations.length, 0);
  });

  it('injects 502s and a 429 that are not violations, and counts requests that ignore Retry-After', async () => {
    connector = await startThrottlingConnector({ global: perSecond(30) });
    connector.injectTransient(2);
    assert.equal((await post('a:one')).status, 502);
    assert.equal((await post('a:one')).status, 502);
    assert.equal((await post('a:one')).status, 200);

    connector.injectThrottle(1, 1);
    const throttled = await post('a:two');
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '1');
    assert.equal((await post('a:three')).status, 429, 'everyone is throttled during Retry-After');
    assert.equal(connector.ignoredRetryAfter, 0, 'a request right after the 429 may have been in flight');
    await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_GRACE_MS + 100));
    assert.equal((await post('a:four')).status, 429, 'still within Retry-After');
    assert.equal(connector.ignoredRetryAfter, 1);
    assert.deepEqual(connector.injected, { throttled: 1, transient: 2 });
    assert.equal(connector.violations.length, 0);
  });
});
