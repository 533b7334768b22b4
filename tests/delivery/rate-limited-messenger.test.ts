import assert from 'node:assert/strict';
import { backoffMs } from '../../bot/delivery/backoff';
import { realTimer } from '../../bot/delivery/delivery-timer';
import { RateLimitedMessenger } from '../../bot/delivery/rate-limited-messenger';
import { perSecond, TEAMS_PER_CONVERSATION_LIMITS } from '../../bot/delivery/teams-limits';
import { DeliveryError, type DeliveryFailureKind } from '../../core/ports/messenger';
import { busiestWindow, card, person, RecordingMessenger } from './recording-messenger';
import { VirtualTimer } from './virtual-timer';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('RateLimitedMessenger: Teams limits (virtual time)', () => {
  it('keeps one conversation within 7/1 s, 8/2 s, 60/30 s and 1800/h, in order, one send at a time', async () => {
    const timer = new VirtualTimer();
    const inner = new RecordingMessenger(timer, 5);
    const messenger = new RateLimitedMessenger(inner, { timer, global: perSecond(30) });
    const alice = person('alice');

    await timer.run(Promise.all(range(1850).map((i) => messenger.sendCard(alice, card(`#${i}`)))));

    const starts = inner.calls.map((c) => c.start);
    for (const { limit, windowMs } of TEAMS_PER_CONVERSATION_LIMITS) {
      assert.ok(busiestWindow(starts, windowMs) <= limit, `at most ${limit} in ${windowMs} ms (saw ${busiestWindow(starts, windowMs)})`);
    }
    assert.deepEqual(inner.calls.map((c) => c.summary), range(1850).map((i) => `#${i}`), 'sent in the order asked');
    assert.equal(inner.maxInFlightPerPerson.get(alice.aadObjectId), 1, 'never two at once to one person');
    // The limits bind, and no harder than they must: 60 per 30 s, then the hourly cap.
    assert.equal(busiestWindow(starts, 30_000), 60);
    assert.ok(starts[1799]! <= 30 * 30_000 + 1_000, `1800 sends within about 15 minutes (took ${starts[1799]} ms)`);
    assert.ok(starts[1800]! - inner.calls[0]!.end! >= 3_600_000, 'the 1801st waits for the hour');
    assert.equal(messenger.stats().sent, 1850);
  });

  it('keeps every send within the global limit while different people are sent to in parallel', async () => {
    const timer = new VirtualTimer();
    // 100 ms per send, as Teams takes: sends overlap.
    const inner = new RecordingMessenger(timer, 100);
    const messenger = new RateLimitedMessenger(inner, { timer, global: perSecond(30) });

    await timer.run(Promise.all(range(300).map((i) => messenger.sendCard(person(i), card()))));

    const starts = inner.calls.map((c) => c.start);
    assert.equal(inner.calls.length, 300);
    assert.ok(busiestWindow(starts, 1_000) <= 30, `at most 30 per second (saw ${busiestWindow(starts, 1_000)})`);
    assert.ok(inner.maxInFlight >= 3, `different people are sent to concurrently (at most ${inner.maxInFlight} at once)`);
    // A send counts until it has finished, so each second holds 30 sends of 1.1 s: 300 take ~11 s.
    const seconds = (inner.calls.at(-1)!.end! - starts[0]!) / 1000;
    assert.ok(seconds >= 9.9 && seconds <= 11.2, `300 sends at 30/s take about 11 s (took ${seconds} s)`);
  });

  it('serialises each person while the others go ahead', async () => {
    const timer = new VirtualTimer();
    const inner = new RecordingMessenger(timer, 50);
    const messenger = new RateLimitedMessenger(inner, { timer, global: perSecond(30) });
    const people = ['alice', 'bob', 'carol'].map(person);

    await timer.run(Promise.all(people.flatMap((p) => range(10).map((i) => messenger.sendCard(p, card(`${p.aadObjectId}#${i}`))))));

    for (const p of people) {
      const mine = inner.calls.filter((c) => c.to === p.aadObjectId);
      assert.equal(inner.maxInFlightPerPerson.get(p.aadObjectId), 1);
      assert.deepEqual(mine.map((c) => c.summary), range(10).map((i) => `${p.aadObjectId}#${i}`));
      for (let i = 1; i < mine.length; i++) assert.ok(mine[i]!.start >= mine[i - 1]!.end!, 'the next send to a person starts after the last one finished');
      for (const { limit, windowMs } of TEAMS_PER_CONVERSATION_LIMITS) assert.ok(busiestWindow(mine.map((c) => c.start), windowMs) <= limit);
    }
    const bob = inner.calls.filter((c) => c.to === 'aad-bob');
    const alice = inner.calls.filter((c) => c.to === 'aad-alice');
    assert.ok(bob[0]!.start < alice[1]!.start, 'bob does not wait behind alice');
  });
});

describe('RateLimitedMessenger: failures (virtual time)', () => {
  const throttled = (retryAfterMs?: number) => new DeliveryError('throttled', 'Too many requests', retryAfterMs);
  const transient = () => new DeliveryError('transient', 'Bad gateway');

  it('pauses every send for at least Retry-After on a 429, then retries the throttled one', async () => {
    const timer = new VirtualTimer();
    const inner = new RecordingMessenger(timer, 10, (_call, index) => (index === 10 ? throttled(2_000) : undefined));
    const messenger = new RateLimitedMessenger(inner, { timer, global: perSecond(30) });

    await timer.run(Promise.all(range(60).map((i) => messenger.sendCard(person(i), card()))));

    const hit = inner.calls[10]!;
    const throttledAt = hit.end!;
    const during = inner.calls.filter((c) => c.start > throttledAt && c.start < throttledAt + 2_000);
    assert.deepEqual(during, [], 'nobody is sent to during Retry-After');
    const retry = inner.calls.filter((c) => c.to === hit.to);
    assert.equal(retry.length, 2, 'the throttled send is retried once');
    assert.ok(retry[1]!.start >= throttledAt + 2_000);
    assert.equal(retry[1], inner.calls[inner.calls.findIndex((c) => c.start >= throttledAt + 2_000)], 'and goes first when the pause ends');
    assert.equal(new Set(inner.calls.map((c) => c.to)).size, 60);
    const stats = messenger.stats();
    assert.equal(stats.sent, 60);
    assert.equal(stats.throttled, 1);
    assert.equal(stats.pauses, 1);
    assert.ok(stats.pausedMs >= 2_000);
    assert.equal(stats.failed, 0);
  });

  it('pauses with jittered backoff when a 429 has no Retry-After', async () => {
    const timer = new VirtualTimer();
    const inner = new RecordingMessenger(timer, 10, (_c, index) => (index === 0 ? throttled() : undefined));
    const messenger = new RateLimitedMessenger(inner, { timer, global: perSecond(30), backoff: { baseMs: 1_000, maxMs: 8_000 }, random: () => 0 });

    await timer.run(Promise.all(range(5).map((i) => messenger.sendCard(person(i), card()))));

    const throttledAt = inner.calls[0]!.end!;
    assert.ok(inner.calls.slice(1).every((c) => c.start >= throttledAt + 500), 'at least half the base delay');
    assert.equal(messenger.stats().sent, 5);
  });

  it('retries a transient failure with jittered exponential backoff', async () => {
    const timer = new VirtualTimer();
    const inner = new RecordingMessenger(timer, 10, (_c, index) => (index < 2 ? transient() : undefined));
    const messenger = new RateLimitedMessenger(inner, { timer, backoff: { baseMs: 1_000, maxMs: 8_000 }, random: () => 0.5 });

    const sent = await timer.run(messenger.sendCard(person('alice'), card()));

    assert.equal(sent.activityId, 'a-2');
    const [first, second, third] = inner.calls;
    assert.equal(second!.start - first!.end!, 750, '1st retry: between 500 and 1000 ms');
    assert.equal(third!.start - second!.end!, 1_500, '2nd retry: between 1000 and 2000 ms');
    assert.deepEqual(messenger.stats(), { sent: 1, failed: 0, retried: 2, throttled: 0, pauses: 0, pausedMs: 0 });
  });

  it('gives up after the attempt cap with the transient DeliveryError', async () => {
    const timer = new VirtualTimer();
    const inner = new RecordingMessenger(timer, 10, () => transient());
    const messenger = new RateLimitedMessenger(inner, { timer, maxAttempts: 4 });

    await assert.rejects(timer.run(messenger.sendCard(person('alice'), card())), (err: unknown) => err instanceof DeliveryError && err.kind === 'transient');

    assert.equal(inner.calls.length, 4);
    assert.deepEqual(messenger.stats(), { sent: 0, failed: 1, retried: 3, throttled: 0, pauses: 0, pausedMs: 0 });
  });

  for (const kind of ['blocked', 'not-found', 'no-conversation'] as DeliveryFailureKind[]) {
    it(`never retries a permanent failure (${kind}), and nobody else waits for it`, async () => {
      const timer = new VirtualTimer();
      const inner = new RecordingMessenger(timer, 10, (call) => (call.to === 'aad-alice' ? new DeliveryError(kind, 'permanent') : undefined));
      const messenger = new RateLimitedMessenger(inner, { timer });

      const [alice, bob] = await timer.run(Promise.allSettled([messenger.sendCard(person('alice'), card()), messenger.sendCard(person('bob'), card())]));

      assert.ok(alice.status === 'rejected' && alice.reason instanceof DeliveryError && alice.reason.kind === kind);
      assert.equal(bob.status, 'fulfilled');
      assert.equal(inner.calls.filter((c) => c.to === 'aad-alice').length, 1);
      assert.ok(inner.calls[1]!.start < 100, 'bob is not held back');
      assert.deepEqual(messenger.stats(), { sent: 1, failed: 1, retried: 0, throttled: 0, pauses: 0, pausedMs: 0 });
    });
  }

  it('fails as throttled when one send is throttled again and again', async () => {
    const timer = new VirtualTimer();
    const inner = new RecordingMessenger(timer, 10, () => throttled(1_000));
    const messenger = new RateLimitedMessenger(inner, { timer, maxThrottledAttempts: 3 });

    await assert.rejects(timer.run(messenger.sendCard(person('alice'), card())), (err: unknown) => err instanceof DeliveryError && err.kind === 'throttled');

    assert.equal(inner.calls.length, 3);
    for (let i = 1; i < 3; i++) assert.ok(inner.calls[i]!.start - inner.calls[i - 1]!.end! >= 1_000);
  });

  it('passes an unclassified error straight through', async () => {
    const timer = new VirtualTimer();
    const inner = new RecordingMessenger(timer, 0, () => new TypeError('bug'));
    const messenger = new RateLimitedMessenger(inner, { timer });

    await assert.rejects(timer.run(messenger.sendCard(person('alice'), card())), TypeError);
    assert.equal(inner.calls.length, 1);
  });

  it('opens chats through the same gate (pausing on 429), and only when the inner messenger can', async () => {
    const timer = new VirtualTimer();
    const inner = new RecordingMessenger(timer, 10);
    assert.equal(new RateLimitedMessenger(inner, { timer }).openConversation, undefined);

    const opens: number[] = [];
    const opener = Object.assign(inner, {
      openConversation: async (to: { aadObjectId: string }) => {
        opens.push(timer.now());
        if (opens.length === 1) throw new DeliveryError('throttled', '429', 1_500);
        return { reference: { conversation: { id: `a:${to.aadObjectId}` } } };
      },
    });
    const messenger = new RateLimitedMessenger(opener, { timer });
    const opened = await timer.run(messenger.openConversation!(person('dana')));

    assert.deepEqual(opened.reference, { conversation: { id: 'a:aad-dana' } });
    assert.ok(opens[1]! - opens[0]! >= 1_500);
    assert.equal(messenger.stats().throttled, 1);
  });

  it('jitters backoff between half and all of the exponential delay, capped', () => {
    const policy = { baseMs: 1_000, maxMs: 8_000 };
    assert.equal(backoffMs(1, policy, () => 0), 500);
    assert.equal(backoffMs(1, policy, () => 1), 1_000);
    assert.equal(backoffMs(3, policy, () => 0), 2_000);
    assert.equal(backoffMs(3, policy, () => 1), 4_000);
    assert.equal(backoffMs(10, policy, () => 1), 8_000);
    assert.equal(backoffMs(10, policy, () => 0), 4_000);
  });
});

describe('RateLimitedMessenger: real time', () => {
  it('holds the 8th send to one person until the first has left the 1 s window', async () => {
    const inner = new RecordingMessenger(realTimer, 0);
    const messenger = new RateLimitedMessenger(inner);

    await Promise.all(range(8).map((i) => messenger.sendCard(person('alice'), card(`#${i}`))));

    assert.ok(inner.calls[6]!.start - inner.calls[0]!.start < 500, 'the first 7 go at once');
    assert.ok(inner.calls[7]!.start - inner.calls[0]!.end! >= 1_000, `the 8th waits a second (waited ${inner.calls[7]!.start - inner.calls[0]!.end!} ms)`);
  });

  it('pauses everyone for a real Retry-After', async () => {
    const inner = new RecordingMessenger(realTimer, 0, (_c, index) => (index === 0 ? new DeliveryError('throttled', '429', 300) : undefined));
    const messenger = new RateLimitedMessenger(inner);

    await Promise.all(range(5).map((i) => messenger.sendCard(person(i), card())));

    const throttledAt = inner.calls[0]!.end!;
    assert.equal(inner.calls.length, 6);
    assert.ok(inner.calls.slice(1).every((c) => c.start >= throttledAt + 300), 'no send within Retry-After');
  });
});
