import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fakeDiscord.ts';

/** The fake itself, where discord.js cannot reach a path (a wrong token at IDENTIFY) or would hide a check. */
let fake: FakeDiscord;

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await fake.close();
});

function connect(): Promise<{ socket: WebSocket; hello: { op: number; d: { heartbeat_interval: number } } }> {
  const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
  return new Promise((resolve, reject) => {
    socket.once('message', (data: Buffer) => resolve({ socket, hello: JSON.parse(data.toString('utf8')) as { op: number; d: { heartbeat_interval: number } } }));
    socket.once('error', reject);
  });
}

describe('fake Discord', () => {
  it('GIVEN IDENTIFY with a wrong token THEN the gateway closes with 4004', async () => {
    const { socket, hello } = await connect();
    expect(hello.op).toBe(10);
    const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
    socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    expect(await closed).toBe(4004);
    expect(fake.identifies).toHaveLength(0);
  });

  it('GIVEN a message over Discord limits THEN 400 with code 50035, like Discord', async () => {
    const post = (body: unknown) =>
      fetch(`${fake.apiRoot}/v10/channels/${fake.guilds[0]!.channels[0]!.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const tooLong = await post({ content: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ code: 50035 });
    expect((await post({ embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2500) }] })).status).toBe(400);
    expect((await post({ content: '' })).status).toBe(400);
    expect((await post({ content: 'fine' })).status).toBe(200);
    expect((await fetch(`${fake.apiRoot}/v10/users/@me`)).status).toBe(401);
  });
});
