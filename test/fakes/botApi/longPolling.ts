import type { ServerResponse } from 'node:http';
import type { BotApiState } from './botApiState.ts';
import { errorBody, writeJson } from './jsonResponse.ts';
import { isObject, type FakeCall, type Json } from './types.ts';

/** update types Telegram leaves out when allowed_updates is empty/unset */
const OPT_IN_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

interface QueuedUpdate {
  id: number;
  type: string;
  update: Json;
}

interface HeldPoll {
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout | undefined;
  call: FakeCall;
  done: boolean;
}

/**
 * The update queue and getUpdates as Telegram runs it: offsets confirm, limit caps, a poll is held up to its
 * timeout and answered as soon as an update arrives, and a second poll ends the first with 409.
 */
export function createLongPolling(state: BotApiState) {
  let queue: QueuedUpdate[] = [];
  let nextUpdateId = 1;
  let poller: HeldPoll | undefined;
  let allowedUpdates: string[] = [];
  let closed = false;

  function enqueue(update: Json): number {
    let id = update.update_id;
    if (typeof id !== 'number') {
      id = nextUpdateId++;
      update.update_id = id;
    } else {
      nextUpdateId = Math.max(nextUpdateId, id + 1);
    }
    const type = Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
    const cq = update.callback_query;
    if (isObject(cq) && typeof cq.id === 'string') state.openCallbackQueries.add(cq.id);
    queue.push({ id: id as number, type, update });
    queueMicrotask(wakePoller);
    return id as number;
  }

  function deliverable(limit: number): Json[] {
    const allow = (t: string): boolean => (allowedUpdates.length > 0 ? allowedUpdates.includes(t) : !OPT_IN_UPDATES.has(t));
    return queue.filter((u) => allow(u.type)).slice(0, limit).map((u) => u.update);
  }

  function confirm(offset: unknown): void {
    if (typeof offset !== 'number') return;
    if (offset < 0) queue = queue.slice(Math.max(0, queue.length + offset));
    else queue = queue.filter((u) => u.id >= offset);
  }

  function wakePoller(): void {
    const p = poller;
    if (!p || p.done) return;
    const ready = deliverable(p.limit);
    if (ready.length > 0) finishPoll(p, 200, { ok: true, result: ready });
  }

  function finishPoll(p: HeldPoll, status: number, body: Json): Promise<void> {
    p.done = true;
    if (p.timer) clearTimeout(p.timer);
    if (poller === p) poller = undefined;
    p.call.status = status;
    if (body.ok === true) p.call.result = body.result;
    else p.call.description = body.description as string;
    if (p.call.index < 0) state.recordCall(p.call);
    else state.events.emit('call', p.call); // a held poll was recorded on arrival: announce its answer too
    return writeJson(p.res, status, body, closed);
  }

  function handleGetUpdates(payload: Json, res: ServerResponse, call: FakeCall): void {
    const limit = Math.min(100, Math.max(1, typeof payload.limit === 'number' ? payload.limit : 100));
    const timeout = Math.max(0, typeof payload.timeout === 'number' ? payload.timeout : 0);
    if (Array.isArray(payload.allowed_updates)) allowedUpdates = payload.allowed_updates.map(String);
    confirm(payload.offset);
    if (poller && !poller.done) {
      void finishPoll(poller, 409, errorBody(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
    }
    const p: HeldPoll = { res, limit, timer: undefined, call, done: false };
    const ready = deliverable(limit);
    if (ready.length > 0 || timeout === 0 || closed) {
      void finishPoll(p, 200, { ok: true, result: ready });
      return;
    }
    poller = p;
    call.status = 102; // held; updated in place when answered
    state.recordCall(call);
    p.timer = setTimeout(() => void finishPoll(p, 200, { ok: true, result: [] }), timeout * 1000);
    res.once('close', () => {
      if (!p.done) {
        // client gave up (grammY aborts the held request on bot.stop())
        p.done = true;
        if (p.timer) clearTimeout(p.timer);
        if (poller === p) poller = undefined;
        p.call.status = 499;
        p.call.description = 'client closed the connection';
        state.events.emit('call', p.call);
      }
    });
    state.events.emit('poll');
  }

  return {
    enqueue,
    handleGetUpdates,
    dropUpdates: () => void (queue = []),
    get pending() {
      return queue.length;
    },
    get held() {
      return poller !== undefined && !poller.done;
    },
    /** Answers a held poll with [] and marks the queue closed (new polls are answered at once). */
    async close(): Promise<void> {
      closed = true;
      const p = poller;
      if (p && !p.done) await finishPoll(p, 200, { ok: true, result: [] });
    },
  };
}
