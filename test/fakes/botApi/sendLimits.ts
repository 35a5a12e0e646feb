import { FakeBotApiError, type RateLimits, type RateViolation } from './types.ts';

/**
 * Telegram's send limits as sliding windows counted on arrival: global per second, per chat per second, per
 * group (chat id below zero) per minute. A send over a limit throws a 429 with retry_after and is logged.
 */
export function createSendLimits(limits: RateLimits | undefined, clock: () => number, violationLog: RateViolation[]) {
  const sendTimes: number[] = [];
  const chatSendTimes = new Map<number, number[]>();
  const groupSendTimes = new Map<number, number[]>();
  return function enforceLimits(method: string, chatId: number): void {
    if (!limits) return;
    const now = clock();
    const prune = (arr: number[], windowMs: number): void => {
      while (arr.length > 0 && (arr[0] ?? 0) <= now - windowMs) arr.shift();
    };
    const check = (kind: RateViolation['kind'], arr: number[], max: number | undefined, windowMs: number): void => {
      if (max === undefined) return;
      prune(arr, windowMs);
      if (arr.length >= max) {
        const oldest = arr[0] ?? now;
        const retryAfter = Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
        violationLog.push({ kind, method, chatId, at: now, retryAfter });
        throw new FakeBotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
      }
    };
    let chatArr = chatSendTimes.get(chatId);
    if (!chatArr) chatSendTimes.set(chatId, (chatArr = []));
    let groupArr: number[] | undefined;
    if (chatId < 0) {
      groupArr = groupSendTimes.get(chatId);
      if (!groupArr) groupSendTimes.set(chatId, (groupArr = []));
    }
    check('global', sendTimes, limits.globalPerSecond, 1000);
    check('chat', chatArr, limits.perChatPerSecond, 1000);
    if (groupArr) check('group', groupArr, limits.perGroupPerMinute, 60_000);
    sendTimes.push(now);
    chatArr.push(now);
    groupArr?.push(now);
  }
}
