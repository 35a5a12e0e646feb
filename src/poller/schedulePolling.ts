import { schedule, type ScheduledTask } from 'node-cron';
import type { Logger } from '../log/logger.ts';
import type { Poller } from './poller.ts';

/**
 * Runs a poll cycle on the cron schedule. A tick that comes while a cycle still runs is skipped
 * (the poller would join the running cycle anyway); a failed cycle is logged and the schedule goes on.
 */
export function schedulePolling(expression: string, poller: Poller, logger: Logger): ScheduledTask {
  return schedule(
    expression,
    async () => {
      if (poller.busy) {
        logger.warn('poll tick skipped: the previous cycle is still running');
        return;
      }
      try {
        await poller.runCycle();
      } catch (error) {
        logger.error('poll cycle failed', { error });
      }
    },
    { name: 'poll', noOverlap: true },
  );
}
