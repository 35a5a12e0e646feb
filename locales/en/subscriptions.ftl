# /subscribe, /unsubscribe, who may change them, and why a failed delivery turned them off.

sub-unavailable = Subscriptions are not available here.
sub-refused-discord = Only members with the Manage Channels permission can change this channel's subscriptions and alert settings; anyone can read them with /alerts.
sub-refused-channel = Only this channel's admins can change this channel's subscriptions and alert settings; anyone can read them with /alerts.
sub-refused-group = Only this group's admins can change this group's subscriptions and alert settings; anyone can read them with /alerts.

# $what is the bold part (sub-what-…).
sub-subscribed-digest = Subscribed: the { $what } at { $time } { $zone }. /unsubscribe digest to stop.
sub-what-digest = daily digest
sub-subscribed-alerts = Subscribed: { $what } for { $assets }. /alerts shows the rules; /unsubscribe alerts to stop.
sub-what-alerts = alerts
sub-every-source = every source
sub-subscribed-sequencer = Subscribed: { $what } ({ $seqId }): its status changes, its reward claims, and its reward not growing for { $hours } h while active. /alerts shows the rules; /unsubscribe alerts to stop.
sub-what-sequencer = alerts for sequencer { $name }
sub-no-sequencer-read = No sequencer has been read yet.

# The digest time picker (/subscribe digest pick); $zone is the time zone the times are in.
sub-pick-time = Pick the daily digest's time ({ $zone }); or type /subscribe digest HH:MM { $zone }.

# Bare /subscribe: what this chat receives, and a button for each typed form.
sub-menu-title = Subscriptions in this chat
sub-menu-digest-on = Daily digest: on, at { $time } { $zone }
sub-menu-digest-off = Daily digest: off
# $assets: the names, or sub-every-source.
sub-menu-alerts-on = Alerts: on, for { $assets }
sub-menu-alerts-off = Alerts: off
sub-menu-hint = Choose below, or type /subscribe digest [HH:MM] [timezone] or /subscribe alerts [asset …].
sub-button-digest = Daily digest
sub-button-alerts-all = All alerts
sub-menu-alerts-one = Alerts for one asset…
sub-button-unsubscribe = Unsubscribe…

# /unsubscribe pick: what to stop, a button each (the typed /unsubscribe alone stops both at once).
sub-stop-question = What should this chat stop receiving? Or type /unsubscribe digest, /unsubscribe alerts or /unsubscribe all.
sub-stop-nothing = This chat has no subscription. /subscribe shows what it can receive.
sub-button-stop-digest = Digest
sub-button-stop-alerts = Alerts
sub-button-stop-both = Both
sub-button-back = ‹ Back

sub-none-digest = This chat had no digest subscription.
sub-none-alerts = This chat had no alerts subscription.
sub-none-all = This chat had no subscription.
sub-unsubscribed-digest = Unsubscribed: digest.
sub-unsubscribed-alerts = Unsubscribed: alerts.
sub-unsubscribed-all = Unsubscribed: digest and alerts.

# A failed delivery turned subscriptions off: $date "2 Dec 14:05 UTC", $reason sub-platform-…, $commands "/subscribe alerts, /subscribe digest".
sub-off-both = Alerts and digest were turned off on { $date } because { $reason }. To turn them back on: { $commands }.
sub-off-alerts = Alerts was turned off on { $date } because { $reason }. To turn it back on: { $commands }.
sub-off-digest = Digest was turned off on { $date } because { $reason }. To turn it back on: { $commands }.
# $platform: sub-platform-name-…; $status: the HTTP status code; $text and $error: the platform's own words.
sub-platform-answered = { $platform } answered { $status }: { $text }
sub-platform-failed = { $platform } failed: { $error }
sub-platform-name-telegram = Telegram
sub-platform-name-discord = Discord
sub-platform-name-console = The console

# /alerts: this chat's rules, thresholds, open alerts and mutes, and the settings panel's buttons.

alerts-title = Alerts in this chat
alerts-status-on = Alerts: on ({ $assets })
alerts-status-off = Alerts: off (/subscribe alerts)
alerts-digest-on = Digest: { $time } { $zone }
alerts-digest-off = Digest: off (/subscribe digest)
# Each rule: its bold name, then ": " and its thresholds (figures already formatted).
alerts-rule-apy-drop = APY drop
alerts-rule-apy-drop-text = {": "}{ $percent }% relative or { $points } points below the 7 d average (apy-drop, apy-drop-points)
alerts-rule-depeg = Depeg
alerts-rule-depeg-text = {": "}warning at { $warning } bps, critical at { $critical } bps, on the pool's TWAP where it has one, else spot (depeg-warning, depeg-critical)
alerts-rule-leverage = Tower leverage
alerts-rule-leverage-text = {": "}{ $percent }% change in 24 h (leverage)
alerts-rule-reward = Reward change
alerts-rule-reward-text = {": "}every RewardUpdate of the sequencer, at once
alerts-rule-halt = Chain halt
alerts-rule-halt-text = {": "}no new block on a chain for its haltAfter (set per chain in the config), to subscribers of its sources and of the sequencer
alerts-rule-base-fall = Base fall
alerts-rule-base-fall-text = {": "}{ $percent }% fall of METIS locked in 24 h (base-fall)
alerts-rule-active = Active sequencers
alerts-rule-active-text = {": "}fewer than { $count } active (active-sequencers)
alerts-rule-operator = Operator share
alerts-rule-operator-text = {": "}one operator holds more than { $percent }% of the base (operator-share)
alerts-rule-stall = Reward stall
alerts-rule-stall-text = {": "}an active sequencer's reward not growing for { $hours } h (reward-stall)
alerts-common = Held for { $cycles } cycles (cycles); clears below { $clear }% of the threshold; { $cooldown } min cooldown after a recovery (cooldown)
alerts-open = Open
alerts-held = Held back as outliers until they repeat: { $sources }
alerts-muted = Muted
alerts-muted-list = {": "}{ $list }
alerts-muted-item = { $rule } { $source } until { $until }

# /alerts set and reset. $unit: alerts-unit-<rule>.
alerts-set = Set { $rule } to { $value } { $unit } for this chat.
alerts-unit-apy-drop = % relative below the 7 d average
alerts-unit-apy-drop-points = percentage points below the 7 d average
alerts-unit-depeg-warning = bps
alerts-unit-depeg-critical = bps
alerts-unit-leverage = % change in 24 h
alerts-unit-base-fall = % fall of METIS locked in 24 h
alerts-unit-active-sequencers = active sequencers at least
alerts-unit-operator-share = % of the base held by one operator
alerts-unit-reward-stall = hours an active sequencer earns nothing
alerts-unit-cycles = consecutive cycles
alerts-unit-cooldown = minutes
alerts-reset-done = Every threshold of this chat is back to the config's default.
alerts-reset-none = This chat already uses the config's default thresholds.
alerts-lower = Lower a threshold (−)
alerts-raise = Raise a threshold (+)
alerts-button-reset = Reset to defaults

# /alerts mute and unmute. $until: "3 Dec 14:05 UTC".
alerts-mute-done = Muted { $rule } alerts about { $source } for { $hours } h, until { $until }. /alerts unmute { $rule } { $source } ends it sooner.
alerts-unmute-one = Unmuted { $rule } alerts about { $source }.
alerts-unmute-not-muted = { $rule } alerts about { $source } were not muted.
alerts-unmute-all = Mutes ended: { $count }.
alerts-unmute-none = No mute was running.
alerts-unmute-placeholder = Unmute…
alerts-button-unmute = Unmute { $rule } { $source }
alerts-button-unmute-all = Unmute all
alerts-button-undo = Undo

# /alerts options of this part (Discord's slash command; at most 100 characters).
cmd-alerts-source = Mute: the alert's source id, e.g. eMetis-METIS, tower, chain:1088; with value = hours (1–168)

# What a valid digest time or zone looks like, in a usage reply.
sub-expected-time = HH:MM from 00:00 to 23:59
sub-expected-timezone = an IANA time zone such as Europe/Berlin or UTC
