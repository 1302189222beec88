// Live updates: one stream of the business events (GET /api/v1/events/stream, server-sent
// events) for the whole application, and a hook for screens that change with it.
//
// The stream is read with fetch() and a ReadableStream rather than EventSource, because
// EventSource cannot send the Authorization header and the API takes its bearer token there
// only (a token in the URL would end up in logs and histories). The reader parses the
// text/event-stream format itself: "id:", "event:", "data:" and "retry:" lines, comments
// (": heartbeat") ignored. When the stream ends or cannot be opened (the server restarting,
// the network gone) it reconnects by itself after the server's retry delay (longer while it
// keeps failing), sending Last-Event-ID so that it resumes after the last event seen, and
// reports Ordo unreachable meanwhile (the shell's banner).
import { useEffect, useRef } from "preact/hooks";
import { reportReachable, retryDelay, storedToken } from "./api";

// One business event as the stream sends it; `order` is the number of the order it belongs
// to, if any. `payload` is there for staff only.
export interface BusinessEvent {
  id: number;
  type: string;
  entity: string;
  entity_id: number;
  at: string;
  order: string | null;
  payload?: Record<string, unknown>;
}

// What listeners get: an event, or "ready" each time the stream (re)opens, after which a
// screen should read again what it shows (it may have missed changes before the stream).
export type LiveMessage = { kind: "event"; event: BusinessEvent } | { kind: "ready" };

type Listener = (message: LiveMessage) => void;

const listeners = new Set<Listener>();
let lastEventId: string | null = null;
let running = false;
let controller: AbortController | null = null;
let retryMillis = 2000;
let onRefused: () => void = () => {};

function dispatch(message: LiveMessage) {
  listeners.forEach((listener) => listener(message));
}

// Feeds one complete block ("id: 4\ndata: {...}") to the listeners.
function handleBlock(block: string) {
  let event = "message";
  let id: string | null = null;
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "id") id = value;
    else if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "retry" && /^\d+$/.test(value)) retryMillis = Number(value);
  }
  if (id !== null) lastEventId = id;
  if (event === "ready") dispatch({ kind: "ready" });
  else if (event === "message" && data.length > 0) {
    try {
      dispatch({ kind: "event", event: JSON.parse(data.join("\n")) as BusinessEvent });
    } catch {
      // A frame that is not JSON is not one of ours; the next one is.
    }
  }
}

// Reads one connection of the stream until it ends: "opened" when the server answered 200,
// "refused" when it answered something else (busy, say), "unreachable" when nothing answered.
async function readOnce(signal: AbortSignal): Promise<"opened" | "refused" | "unreachable"> {
  const headers: Record<string, string> = { Accept: "text/event-stream" };
  const token = storedToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (lastEventId !== null) headers["Last-Event-ID"] = lastEventId;
  let response: Response;
  try {
    response = await fetch("/api/v1/events/stream", { headers, signal, cache: "no-store" });
  } catch {
    return "unreachable";
  }
  reportReachable(true);
  if (response.status === 401) {
    onRefused();
    return "refused";
  }
  if (!response.ok || !response.body) return "refused";
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, "\n");
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        handleBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch {
    // The connection broke (the server stopped, the network went away): reconnect below.
  }
  return "opened";
}

async function run(signal: AbortSignal) {
  let failures = 0;
  while (!signal.aborted) {
    const outcome = await readOnce(signal);
    if (signal.aborted) return;
    const opened = outcome === "opened";
    failures = opened ? 0 : failures + 1;
    // A stream that ended may mean the server is going away: the next try tells.
    if (outcome === "unreachable") reportReachable(false);
    await new Promise((resolve) => setTimeout(resolve, opened ? retryMillis : Math.max(retryMillis, retryDelay(failures))));
  }
}

// Starts the stream for the signed-in user; `refused` is called when the server no longer
// takes the token (the stream then stops). Stopped by stopLiveEvents() at sign-out.
export function startLiveEvents(refused: () => void): void {
  onRefused = () => {
    stopLiveEvents();
    refused();
  };
  if (running) return;
  running = true;
  lastEventId = null;
  controller = new AbortController();
  void run(controller.signal);
}

export function stopLiveEvents(): void {
  running = false;
  controller?.abort();
  controller = null;
}

// Calls `onMessage` with every live message while the component is mounted (the latest
// callback, so it may read the component's current state).
export function useLiveEvents(onMessage: Listener): void {
  const latest = useRef(onMessage);
  latest.current = onMessage;
  useEffect(() => {
    const listener: Listener = (message) => latest.current(message);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}

// Calls `refresh` at most once per `ms` for a burst of messages (an order placed, allocated
// and held arrive together).
export interface Debounced {
  (): void;
  // Drops a refresh still waiting: a screen that closes calls it, so no read runs after it
  // is gone (after sign-out, such a read would be refused with a 401).
  cancel(): void;
}

export function debounce(refresh: () => void, ms = 150): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (() => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      refresh();
    }, ms);
  }) as Debounced;
  run.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return run;
}
