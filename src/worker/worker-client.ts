/**
 * The one small client every worker of the book is talked to through (trainer, theorem lab, preferences): typed
 * `send` that does nothing once the worker is dead, listeners, and crash reporting — the worker's `error` and
 * `messageerror` events (or the caller, e.g. a heartbeat) end the worker once and become a `crash` event.
 *
 * `connectEndpoint` works over any `Endpoint` (a MessagePort in unit tests); `connectWorker` adds the Worker's
 * error events. The Worker itself is created by the caller: Vite only bundles `new Worker(new URL('./x.ts', …))`
 * written literally where it is used.
 */
import type { Endpoint } from './protocol';

/** What a subscriber receives besides the worker's own events when the worker died. */
export interface CrashEvent {
  type: 'crash';
  message: string;
}

export interface WorkerConnection<Command, Event> {
  /** Posts a command; dropped once the worker is dead or terminated. */
  send(command: Command): void;
  subscribe(listener: (e: Event | CrashEvent) => void): () => void;
  /** Reports a crash (once): stops listening, closes the other side, emits `crash` with `message`. */
  die(message: string): void;
  /** Ends the worker without a crash event and drops the listeners. */
  terminate(): void;
  readonly dead: boolean;
}

export interface EndpointOptions<Event> {
  /** Ends the other side (terminates the worker). Called once, by `die` or `terminate`. */
  close(): void;
  /** Which incoming messages reach the listeners (default: all). The data is untrusted until this says so. */
  accept?: (data: unknown) => data is Event;
  /** Called for every incoming message, accepted or not (a heartbeat's "last heard"). */
  onAnyMessage?: () => void;
}

export function connectEndpoint<Command, Event>(
  ep: Endpoint,
  opts: EndpointOptions<Event>,
): WorkerConnection<Command, Event> {
  const listeners = new Set<(e: Event | CrashEvent) => void>();
  let dead = false;
  const emit = (e: Event | CrashEvent) => {
    // a copy: a listener may unsubscribe (or terminate) while we iterate
    for (const l of [...listeners]) l(e);
  };
  const onMessage = (ev: MessageEvent) => {
    opts.onAnyMessage?.();
    if (dead) return;
    if (!opts.accept || opts.accept(ev.data)) emit(ev.data as Event);
  };
  const stop = () => {
    dead = true;
    ep.removeEventListener('message', onMessage);
    opts.close();
  };
  ep.addEventListener('message', onMessage);
  ep.start?.();
  return {
    send(c) {
      if (!dead) ep.postMessage(c);
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    die(message) {
      if (dead) return;
      stop();
      emit({ type: 'crash', message });
    },
    terminate() {
      if (!dead) stop();
      listeners.clear();
    },
    get dead() {
      return dead;
    },
  };
}

/** The part of a `Worker` the client uses (a fake one in unit tests). */
export interface WorkerLike extends Endpoint {
  terminate(): void;
  onerror: ((ev: ErrorEvent) => unknown) | null;
  onmessageerror: ((ev: MessageEvent) => unknown) | null;
}

/**
 * `connectEndpoint` over a Worker: its `error` event (an uncaught exception, a failed load) and `messageerror`
 * (a message that cannot be deserialised) terminate it and become a `crash` event naming `what` ("training", …).
 */
export function connectWorker<Command, Event>(
  worker: WorkerLike,
  what: string,
  opts: Omit<EndpointOptions<Event>, 'close'> & { close?: () => void } = {},
): WorkerConnection<Command, Event> {
  const conn = connectEndpoint<Command, Event>(worker, {
    ...opts,
    close: () => {
      opts.close?.();
      worker.terminate();
    },
  });
  worker.onerror = (ev: ErrorEvent) => {
    ev.preventDefault();
    conn.die(`The ${what} worker crashed: ${ev.message || 'unknown error'}`);
  };
  worker.onmessageerror = () => conn.die(`The ${what} worker sent a message that could not be read.`);
  return conn;
}
