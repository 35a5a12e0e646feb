import type { SubscriptionStore } from '../../src/store/subscriptionStore.ts';
import type { SubscriptionService } from '../../src/subscriptions/subscriptionService.ts';

/** The subscription commands' service over a real store, with no alert engine behind it (nothing open, default thresholds). */
export function subscriptionService(store: SubscriptionStore): SubscriptionService {
  return { store, openAlerts: () => [], thresholds: () => ({}) as never, heldReadings: () => [], digestDefaults: { time: '09:00', timeZone: 'UTC' } };
}
