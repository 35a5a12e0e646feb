# Alerts, recoveries and notices (src/alerts): what a chat subscribed to alerts receives.
# Figures come formatted ($bps '−130 bps', $apy '18.20%', $length '17 min', $clock '08:00 UTC').

## Shared words (src/alerts/alertText.ts)

alert-more = More: { $command }
alert-data-note = Data: block { $block } on chain { $chain }, read { $age } ago.
# $clock '13:55 UTC', $ago '10 min'
alert-at = { $clock } ({ $ago } ago)
alert-at-just-now = { $clock } (just now)
# $length '1 h 5 min', $clock '13:00 UTC'
alert-lasted = { $length } (from { $clock })
alert-button-mute = Mute 24 h
alert-button-unsubscribe = Unsubscribe

## Depeg

alert-depeg-title = { $icon } Depeg { $level }: { $label }
alert-depeg-escalated = { $icon } Depeg escalated to critical: { $label }
alert-depeg-over = { $icon } Depeg over: { $label }
# The price a depeg is measured on: $window '30 min'
alert-depeg-spot = spot price
alert-depeg-twap = { $window } TWAP price
alert-depeg-trades = { $asset } trades at { $price } { $quote }, fair value { $fair } { $quote }: { $bps } on the { $basis }
alert-depeg-levels = { $trades } (warning at { $warning } bps, critical at { $critical } bps).
alert-depeg-since = Past the { $warning } bps warning since { $since }{ $worst }.
alert-depeg-worst = , at worst { $bps } ({ $clock })
alert-depeg-recovered = { $trades }, back under the { $warning } bps warning; cleared at { $clear } bps as configured.{ $span }
alert-depeg-lasted = {" "}The depeg lasted { $lasted }{ $worst }.

## APY drop

alert-apy-metric-24h = 24 h APY
alert-apy-metric-nominal-apr = nominal APR
alert-apy-against = The { $metric } is { $current } now against its 7 d average of { $average }
alert-apy-trigger = { $percent } or { $points }
alert-apy-drop-title = { $icon } APY drop: { $label }
alert-apy-drop = { $against }: { $points } pp ({ $percent } %) lower (alerts at { $trigger } below).
alert-apy-since = Below the threshold since { $since }.
alert-apy-recovered-title = { $icon } APY recovered: { $label }
alert-apy-recovered = { $against }: back within { $trigger } of it; cleared within { $clear } as configured.{ $span }
alert-apy-lasted = {" "}The drop lasted { $lasted }{ $lowest }.
alert-apy-lowest = ; lowest { $apy } ({ $clock })

## Tower leverage

alert-leverage-move = Leverage { $now } now against { $past } 24 h earlier: { $change }
alert-leverage-moved-title = { $icon } Tower leverage moved
alert-leverage-moved = { $move } (alerts at ±{ $threshold } in 24 h).
alert-leverage-since = Past ±{ $threshold } since { $since }.
alert-leverage-settled-title = { $icon } Tower leverage settled
alert-leverage-settled = { $move }, back under the { $threshold } trigger; cleared at { $clear } as configured.{ $span }
alert-leverage-lasted = {" "}The move lasted { $lasted }{ $largest }.
alert-leverage-largest = ; largest move { $change } ({ $clock })

## Chain halt

alert-halt-note = Data: chain read { $age } ago.
alert-halt-title = { $icon } { $chain } has produced no block for { $length }
alert-halt-head = Head #{ $head } (chain { $chainId }), unchanged since { $since }: the RPC answers, the chain does not move (halt after { $limit }).
alert-halt-figures = Figures from it are as old as that block.
alert-halt-resumed-title = { $icon } { $chain } produces blocks again
alert-halt-resumed = New head #{ $head } (chain { $chainId }), back under the { $limit } halt limit; its figures are current again.{ $stood }
alert-halt-stood = {" "}The head had stood still for at least { $length } (from { $clock }).

## Stale data (to the operator)

alert-stale-read = block { $block } on chain { $chain }
alert-stale-title = { $icon } Stale data: { $label }
alert-stale = No good read for { $age } (last at { $clock }, { $read }); stale after { $limit }. No alert uses it until it is fresh.
alert-stale-error = Last error: { $error }
alert-stale-fresh-title = { $icon } Data fresh again: { $label }
alert-stale-fresh = Read { $age } ago at { $read }; back under the { $limit } stale limit.{ $span }
alert-stale-lasted = {" "}It was stale for { $lasted }{ $longest }.
alert-stale-longest = ; at worst no good read for { $length }

## Reward change

alert-reward-title = 🔔 Reward change: { $label }
alert-reward-change = Reward { $old } → { $new } METIS per L2 block{ $change }.
alert-reward-change-percent = , { $change }
alert-reward-apr = Nominal APR { $before } → { $after } (locked METIS and block time as now).
alert-reward-apr-missing = Nominal APR — ({ $reason }).
# $tx: the transaction (a link where the chain has an explorer); $at '07:50 UTC (15 min ago)'
alert-reward-tx = Transaction { $tx } in block { $block } on chain { $chain }, { $at }.

## The sequencers: active set, base fall, operator share

alert-active-title = ⚠️ Active sequencer set is small
alert-active-restored-title = ✅ Active sequencer set restored
alert-active-count = { $count } active { $count ->
    [one] sequencer
   *[other] sequencers
} (alert below { $minimum }).
alert-base-title = ⚠️ The base is falling
alert-base-recovered-title = ✅ The base recovered
alert-base-fall = METIS locked by sequencers: { $now }, { $percent }% below { $then } 24 h earlier (alert at { $threshold }%).
alert-operator-title = ⚠️ One operator holds much of the base: { $operator }
alert-operator-recovered-title = ✅ Operator share back down: { $operator }
alert-operator-share = { $operator } runs { $percent }% of the METIS locked by sequencers (alert above { $threshold }%; sequencers of one protocol counted together).

## One sequencer: status, stall, claims, exits, joins

alert-status-active = active
alert-status-exiting = exiting
alert-status-exited = exited
alert-status-unavailable = unavailable
alert-stall-title = ⏸️ Sequencer { $name }: reward not growing
alert-stall = Active with { $locked } METIS locked, yet its earned reward (unclaimed plus claimed) has not grown for { $hours } h{ $since } (alert at { $threshold } h). A sequencer that stops producing blocks stops earning.
alert-stall-since = {" "}since { $since }
alert-stall-recovered-title = ✅ Sequencer { $name }: { $why }
alert-stall-grows-again = its reward grows again
alert-stall-left = it is { $status } now
alert-stall-recovered = Its reward had stood still{ $worst } (alert at { $threshold } h).
alert-stall-worst = {" "}for up to { $hours } h
alert-status-title = 🔁 Sequencer { $name }: { $from } → { $to }
alert-status-claimable = {" "}(claimable from { $date } UTC)
alert-status-line = Sequencer { $id }, { $locked } METIS locked.
alert-claim-title = 💰 Sequencer { $name } claimed { $amount } METIS
alert-claim = Paid to { $recipient }; { $unclaimed } METIS stays unclaimed.
alert-claim-its-recipient = its recipient
alert-exit-title = 🚪 Sequencer exiting: { $name }
alert-exit = Started its exit with { $amount } METIS locked, { $share } of the base; claimable from { $date } UTC.
alert-exit-date-unknown = unknown
alert-sequencer-fallback = sequencer { $id }
alert-join-title = 🆕 New sequencer: { $name }
alert-join = Sequencer { $id }{ $runBy } locked { $amount } METIS, { $share } of the base; { $status }.
alert-join-run-by = {" "}(run by { $lst })
