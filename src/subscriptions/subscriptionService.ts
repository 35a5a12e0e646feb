import type { OpenAlert } from '../alerts/openAlert.ts';
import type { ChatThresholds } from '../alerts/rules/ruleParams.ts';
import type { Subscription, SubscriptionStore } from '../store/subscriptionStore.ts';
import type { Platform } from '../vocabulary/platform.ts';

/** What the subscription commands may use: the store, and what the alert engine knows of a chat. */
export interface SubscriptionService {
  readonly store: SubscriptionStore;
  openAlerts(subscription: Subscription): OpenAlert[];
  thresholds(chat: { platform: Platform; chatId: string }): ChatThresholds;
  /** Sources whose latest reading is held back as an outlier. */
  heldReadings(): string[];
  /** The digest time and zone when /subscribe digest names none. */
  readonly digestDefaults: { readonly time: string; readonly timeZone: string };
}
