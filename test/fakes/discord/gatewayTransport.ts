import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DiscordState } from './discordState.ts';
import { isObject, type Json } from './types.ts';

/** One gateway connection: what it sends is recorded as an 'out' frame; dispatches carry its own sequence. */
export interface GatewaySession {
  /** 1, 2, … in order of connecting */
  readonly connection: number;
  /** IDENTIFY accepted on this connection (and it is still open) */
  identified: boolean;
  send(payload: Json): void;
  /** Sends a dispatch (op 0) of event `t` with the next sequence number. */
  dispatch(t: string, d: unknown): void;
  close(code: number, reason: string): void;
}

/** What the gateway does with a connection: greet it, and answer each payload it sends. */
export interface GatewayHandlers {
  onOpen(session: GatewaySession): void;
  onPayload(session: GatewaySession, payload: Json): void;
}

/**
 * The gateway's WebSocket side, on the REST server's port under /gateway: upgrades, JSON framing (a payload that
 * does not decode closes with 4002, like Discord), and a record of every frame both ways.
 */
export function createGatewayTransport(state: DiscordState, handlers: GatewayHandlers) {
  const sockets: WebSocket[] = [];
  const sessions: GatewaySession[] = [];
  let connections = 0;
  const wss = new WebSocketServer({ noServer: true });

  function record(connection: number, direction: 'in' | 'out', payload: Json): void {
    state.recordFrame({
      direction,
      op: typeof payload.op === 'number' ? payload.op : -1,
      t: typeof payload.t === 'string' ? payload.t : null,
      d: payload.d,
      connection,
    });
  }

  function open(socket: WebSocket): GatewaySession {
    const connection = ++connections;
    let seq = 0;
    const session: GatewaySession = {
      connection,
      identified: false,
      send(payload) {
        record(connection, 'out', payload);
        socket.send(JSON.stringify(payload));
      },
      dispatch(t, d) {
        session.send({ op: 0, t, s: ++seq, d });
      },
      close(code, reason) {
        socket.close(code, reason);
      },
    };
    sockets.push(socket);
    sessions.push(session);
    return session;
  }

  function onMessage(session: GatewaySession, raw: string): void {
    let payload: Json;
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (!isObject(parsed)) throw new Error('not an object');
      payload = parsed;
    } catch {
      session.close(4002, 'Error while decoding payload.');
      return;
    }
    record(session.connection, 'in', payload);
    handlers.onPayload(session, payload);
  }

  return {
    /** Takes over an HTTP upgrade to /gateway (anything else is dropped). */
    handleUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!url.pathname.startsWith('/gateway')) {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const session = open(ws);
        ws.on('message', (data: Buffer, isBinary: boolean) => {
          if (isBinary) ws.close(4002, 'Error while decoding payload.');
          else onMessage(session, data.toString('utf8'));
        });
        ws.on('close', () => {
          session.identified = false;
        });
        if (url.searchParams.get('encoding') !== 'json' || url.searchParams.has('compress')) {
          ws.close(4002, 'The fake gateway speaks uncompressed JSON only.');
          return;
        }
        handlers.onOpen(session);
      });
    },
    /** The most recent connection that is identified, if any. */
    latestIdentified(): GatewaySession | undefined {
      return sessions.findLast((s) => s.identified);
    },
    /** Closes every connection with a close code, as Discord does. */
    closeAll(code: number, reason: string): void {
      for (const s of sessions) s.close(code, reason);
    },
    /** Drops every connection and stops accepting new ones. */
    async close(): Promise<void> {
      for (const s of sockets) s.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
