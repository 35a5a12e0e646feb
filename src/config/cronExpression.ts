import { validate } from 'node-cron';

/** Whether node-cron accepts the expression; kept beside the scheduler so only this folder imports node-cron. */
export function isValidCronExpression(expression: string): boolean {
  return validate(expression);
}
