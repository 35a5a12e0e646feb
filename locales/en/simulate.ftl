# /simulate: what an amount earns held or looped, per strategy.

# Titles. $amount as typed (1,000), $horizon from the simulate-horizon-* messages.
simulate-hold-title = Simulate { $amount } { $base } for { $horizon }
simulate-loop-title = Loop { $amount } { $base } for { $horizon }

# A horizon: $n is the number as shown (1.5), $count picks the plural.
simulate-horizon-year = { $n } { $count ->
    [one] year
   *[other] years
}
simulate-horizon-month = { $n } { $count ->
    [one] month
   *[other] months
}
simulate-horizon-week = { $n } { $count ->
    [one] week
   *[other] weeks
}
simulate-horizon-day = { $n } { $count ->
    [one] day
   *[other] days
}
simulate-horizon-hour = { $n } { $count ->
    [one] hour
   *[other] hours
}

# What a valid value looks like (in the mistake's sentence).
simulate-expected-amount = 1000, 1,000, 1k, 2.5m, 1e3
simulate-expected-duration = 12h, 30d, 12w, 6m (months), 1y; from 1h to 10y
simulate-expected-ltv = 0.7 or 70%
simulate-expected-borrow = 4.5% or 0.045
simulate-expected-lt = 0.8 or 80%

# What cannot be simulated. $example is a command line.
simulate-no-source = No earning source is configured to simulate.
simulate-no-token = No staking token is configured to loop.
simulate-cannot-loop = { $label } cannot be looped: METIS locked by sequencers is not collateral. Loop a staking token instead, e.g. { $example }

# Table columns; a stress column is the column's name then the drop (APY −25%).
simulate-column-strategy = strategy
simulate-column-apy = APY
simulate-column-net-apy = net APY
simulate-column-net = net
simulate-column-final = final
simulate-column-gain = gain
simulate-column-age = age
# The stresses in the notes: "25 % and 50 %".
simulate-and = { $first } and { $second }

# Holding: how each rate was applied, after the strategy's name in bold.
simulate-compound-daily = compounded daily
simulate-compound-weekly = compounded weekly
simulate-compound-monthly = compounded monthly
simulate-compound-none = not compounded (rewards taken out: simple interest)
simulate-rate-missing = : no rate yet ({ $why })
simulate-rate-apr = : { $rate } { $value }, { $compounding } → { $apy } a year
simulate-rate-apy = : { $rate } { $value } in { $base }; the compounding is inside the share price
simulate-rate-apy-compound-ignored = , so compound= does not change it
# $loop is the word loop, in bold.
simulate-loop-options-ignored = ltv=, loops=, borrow= and lt= only apply to a loop: add { $loop } to use them.

# The notes under the tables.
simulate-projection-note = Projections at current rates, not promises: rates change, and a token can trade below its fair value.
simulate-hold-note = { simulate-projection-note } Amounts in { $base }; a wrapper's APY is its growth in its base token. Stress: every rate { $drops } lower. age: since the source's last good read (⚠ stale).
simulate-loop-note = { simulate-projection-note } Net APY ≈ M × stake APY − (M − 1) × borrow APR, with exposure M = Σ ltv^i for i = 0…loops and { $base } borrowed. Liquidating depeg = 1 − (M − 1) / (M × lt): how far the token may fall against the debt before the lending market liquidates. Exit: a pool that swaps the token into { $base } (or a token 1:1 with it); what it takes before the average sale price is 1 % / 5 % under spot, fees not counted (V3: the in-range liquidity taken as one range, an approximation). Stress lowers the stake APY by { $drops }; the borrow rate stays. age: since the source's last good read (⚠ stale).

# A loop's settings, a default marked with why: "3 loops (default)".
simulate-setting-ltv = ltv { $ltv }
simulate-setting-loops = { $loops } { $count ->
    [one] loop
   *[other] loops
}
simulate-setting-borrow = borrow { $borrow } APR
simulate-setting-lt = liquidation threshold { $lt }
simulate-setting-marked = { $setting } ({ $why })
simulate-setting-default = default
simulate-setting-assumed-borrow = assumed: set borrow=
simulate-setting-default-lt = default: set lt=

# A loop, per strategy. $net and $fall are in bold.
simulate-loop-no-rate = No rate yet ({ $why }).
simulate-exposure = Exposure { $exposure }: { $staked } { $base } staked, { $borrowed } borrowed.
simulate-net-apy = Net APY { $net } = { $exposure } × { $stake } ({ $rate }) − { $debt } × { $borrow } (borrow).
simulate-no-debt = No debt: nothing to liquidate.
simulate-liquidatable-now = Liquidatable at once
simulate-liquidatable-now-why = : debt/collateral { $ratio } is at or above the threshold { $lt }.
simulate-liquidated-if = Liquidated if { $fall } against the borrowed { $base } (threshold { $lt }).
simulate-token-falls = { $token } falls { $depeg }

# Exit liquidity: what a pool takes at 1 % and 5 % slippage. $amount is "500.00 seMetis".
simulate-exit-none = Exit: no pool swaps { $token } into { $base }: an exit means redeeming through the protocol, with its delay.
simulate-exit = Exit: { $pool }{ $unwrap } takes { $at1 } and { $at5 }.
simulate-exit-unwrap = {" "}({ $token } is 1:1 with { $base })
simulate-exit-at-1 = { $amount } at 1 % slippage{ $share }
simulate-exit-at-5 = { $amount } at 5 %{ $share }
simulate-exit-nothing-at-1 = — at 1 % slippage
simulate-exit-nothing-at-5 = — at 5 %
simulate-exit-share = {" "}({ $share } of the position)
simulate-exit-share-all = {" "}(all of the position)

# Buttons under an answer: the current horizon marked, as a chart's window is; the other mode.
simulate-button-current = · { $label } ·
simulate-button-hold = Hold instead
simulate-button-loop = Loop instead
# /simulate without an amount: buttons with amounts follow.
simulate-pick-amount = How much { $base } to simulate? Pick an amount, or type one, e.g. /simulate 2500 90d.
