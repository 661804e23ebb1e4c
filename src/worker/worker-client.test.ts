import { afterEach, describe, expect, it, vi } from 'vitest';
import { PPO_DEFAULTS } from '@/spec';
import type { Endpoint } from './protocol';
import { connectTrainer, type ClientEvent, type OpenConnection } from './trainer-client';
import { connectEndpoint, connectWorker, type CrashEvent, type WorkerLike } from './worker-client';

type Cmd = { type: 'echo'; n: number };
type Evt = { type: 'echoed'; n: number };

const ports: MessagePort[] = [];
afterEach(() => {
  while (ports.length) ports.pop()!.close();
});

/** A worker stand-in: port2 answers every `echo` with `echoed`, and can send anything else. */
function echoServer() {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const received: unknown[] = [];
  port2.onmessage = (ev) => {
    received.push(ev.data);
    const c = ev.data as Cmd;
    if (c.type === 'echo') port2.postMessage({ type: 'echoed', n: c.n } satisfies Evt);
  };
  return { client: port1, server: port2, received };
}

/** Resolves when `events` has `n` entries (MessageChannel delivery is asynchronous). */
async function until(events: unknown[], n: number) {
  for (let i = 0; i < 400 && events.length < n; i++) await new Promise((r) => setTimeout(r, 5));
  expect(events.length).toBeGreaterThanOrEqual(n);
}

/** Lets queued messages arrive, for asserting that nothing more came. */
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('connectEndpoint over a MessageChannel', () => {
  it('sends commands and hands every event to every listener', async () => {
    const { client } = echoServer();
    const conn = connectEndpoint<Cmd, Evt>(client as unknown as Endpoint, { close: () => {} });
    const a: unknown[] = [];
    const b: unknown[] = [];
    conn.subscribe((e) => a.push(e));
    const off = conn.subscribe((e) => b.push(e));
    conn.send({ type: 'echo', n: 1 });
    await until(a, 1);
    off();
    conn.send({ type: 'echo', n: 2 });
    await until(a, 2);
    expect(a).toEqual([
      { type: 'echoed', n: 1 },
      { type: 'echoed', n: 2 },
    ]);
    expect(b).toEqual([{ type: 'echoed', n: 1 }]);
  });

  it('drops messages `accept` refuses, but counts them as heard', async () => {
    const { client, server } = echoServer();
    let heard = 0;
    const conn = connectEndpoint<Cmd, Evt>(client as unknown as Endpoint, {
      close: () => {},
      accept: (d): d is Evt => typeof d === 'object' && d !== null && (d as Evt).type === 'echoed',
      onAnyMessage: () => heard++,
    });
    const events: unknown[] = [];
    conn.subscribe((e) => events.push(e));
    server.postMessage('garbage');
    server.postMessage({ type: 'pong' });
    server.postMessage({ type: 'echoed', n: 7 });
    await until(events, 1);
    await settle();
    expect(events).toEqual([{ type: 'echoed', n: 7 }]);
    expect(heard).toBe(3);
  });

  it('a crash is reported once, closes the other side once, and stops sending and receiving', async () => {
    const { client, server, received } = echoServer();
    const close = vi.fn();
    const conn = connectEndpoint<Cmd, Evt>(client as unknown as Endpoint, { close });
    const events: (Evt | CrashEvent)[] = [];
    conn.subscribe((e) => events.push(e));
    conn.send({ type: 'echo', n: 1 });
    await until(events, 1);
    conn.die('gone');
    conn.die('gone again');
    expect(conn.dead).toBe(true);
    expect(close).toHaveBeenCalledTimes(1);
    expect(events).toEqual([
      { type: 'echoed', n: 1 },
      { type: 'crash', message: 'gone' },
    ]);
    conn.send({ type: 'echo', n: 2 });
    server.postMessage({ type: 'echoed', n: 99 });
    await settle();
    expect(received).toEqual([{ type: 'echo', n: 1 }]);
    expect(events).toHaveLength(2);
  });

  it('terminate closes without a crash event and drops the listeners', async () => {
    const { client, server } = echoServer();
    const close = vi.fn();
    const conn = connectEndpoint<Cmd, Evt>(client as unknown as Endpoint, { close });
    const events: unknown[] = [];
    conn.subscribe((e) => events.push(e));
    conn.terminate();
    conn.terminate();
    conn.die('after terminate');
    server.postMessage({ type: 'echoed', n: 1 });
    await settle();
    expect(close).toHaveBeenCalledTimes(1);
    expect(events).toEqual([]);
  });
});

describe('connectWorker', () => {
  /** A Worker stand-in: a MessagePort with terminate and the Worker's error handlers. */
  function fakeWorker() {
    const { client, server, received } = echoServer();
    const worker = client as unknown as WorkerLike;
    const terminate = vi.fn(() => client.close());
    worker.terminate = terminate;
    worker.onerror = null;
    worker.onmessageerror = null;
    return { worker, server, received, terminate };
  }

  it("the worker's error event terminates it and becomes one crash event naming the worker", async () => {
    const { worker, received, terminate } = fakeWorker();
    const conn = connectWorker<Cmd, Evt>(worker, 'search');
    const events: unknown[] = [];
    conn.subscribe((e) => events.push(e));
    conn.send({ type: 'echo', n: 1 });
    await until(events, 1);
    const preventDefault = vi.fn();
    worker.onerror!({ message: 'boom', preventDefault } as unknown as ErrorEvent);
    worker.onerror!({ message: 'boom twice', preventDefault } as unknown as ErrorEvent);
    expect(preventDefault).toHaveBeenCalled();
    expect(terminate).toHaveBeenCalledTimes(1);
    expect(events).toEqual([
      { type: 'echoed', n: 1 },
      { type: 'crash', message: 'The search worker crashed: boom' },
    ]);
    conn.send({ type: 'echo', n: 2 });
    await settle();
    expect(received).toHaveLength(1);
  });

  it('an unreadable message is a crash too, and an error without a message says so', () => {
    const a = fakeWorker();
    const connA = connectWorker<Cmd, Evt>(a.worker, 'training');
    const eventsA: unknown[] = [];
    connA.subscribe((e) => eventsA.push(e));
    a.worker.onmessageerror!({} as MessageEvent);
    expect(eventsA).toEqual([
      { type: 'crash', message: 'The training worker sent a message that could not be read.' },
    ]);
    expect(a.terminate).toHaveBeenCalledTimes(1);

    const b = fakeWorker();
    const connB = connectWorker<Cmd, Evt>(b.worker, 'training');
    const eventsB: unknown[] = [];
    connB.subscribe((e) => eventsB.push(e));
    b.worker.onerror!({ message: '', preventDefault: () => {} } as unknown as ErrorEvent);
    expect(eventsB).toEqual([{ type: 'crash', message: 'The training worker crashed: unknown error' }]);
  });

  it("the caller's close runs before the worker is terminated", () => {
    const { worker, terminate } = fakeWorker();
    const order: string[] = [];
    terminate.mockImplementation(() => order.push('terminate'));
    const conn = connectWorker<Cmd, Evt>(worker, 'training', { close: () => order.push('close') });
    conn.terminate();
    expect(order).toEqual(['close', 'terminate']);
  });
});

describe("the trainer client's heartbeat over the shared client", () => {
  it('a worker that stops answering becomes one crash event, and its side is closed', async () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    const commands: unknown[] = [];
    port2.onmessage = (ev) => commands.push(ev.data); // receives, never answers
    const close = vi.fn();
    const open: OpenConnection = (o) =>
      connectEndpoint(port1 as unknown as Endpoint, {
        ...o,
        close: () => {
          o.close();
          close();
        },
      });
    const { handle } = connectTrainer(open, 1, PPO_DEFAULTS, 'cpu', { heartbeatMs: 5, deadAfterMs: 40 });
    const events: ClientEvent[] = [];
    handle.subscribe((e) => events.push(e));
    await until(events, 1);
    expect(events).toEqual([{ type: 'crash', message: 'The training worker stopped responding.' }]);
    expect(close).toHaveBeenCalledTimes(1);
    const sent = commands.length;
    handle.start();
    await settle();
    expect(commands.length).toBe(sent);
    expect(commands[0]).toMatchObject({ type: 'init', runId: 1, backend: 'cpu' });
    expect(commands.some((c) => (c as { type: string }).type === 'ping')).toBe(true);
  });
});
