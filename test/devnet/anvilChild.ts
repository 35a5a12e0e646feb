// Child process for devnet.test.ts: starts one anvil through startAnvil, prints its pid, then either waits
// for a signal (modes "default" and "host-handler") or exits on its own (mode "exit").
import { startAnvil } from '../../src/devnet/anvil.ts';

const mode = process.argv[2] ?? 'default';
if (mode === 'host-handler') {
  process.on('SIGTERM', () => {
    process.stdout.write('host handler ran\n');
    process.exit(7);
  });
}
const handle = await startAnvil({ chainId: 31337 });
process.stdout.write(`${JSON.stringify({ pid: handle.pid })}\n`);
if (mode === 'exit') process.exit(0);
// Otherwise the anvil's stdout pipe keeps this process alive until a signal arrives.
