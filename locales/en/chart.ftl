# /chart: replies, and every text drawn in the picture.

# Amounts on an axis, before the token: "million METIS".
chart-unit-billion = billion{" "}
chart-unit-million = million{" "}
chart-unit-thousand = thousand{" "}

chart-no-read = no read yet
chart-data-as-of = data as of { $time } (age { $age })
chart-data-as-of-stale = data as of { $time } (age { $age }, stale)
chart-widest-depeg = ; widest depeg { $depeg }
chart-title = { $label } — { $what }, last { $days }
chart-subtitle-points = { $asOf } · { $points } points
chart-summary = { $series }: latest { $latest }, low { $low }, high { $high } over the last { $days }{ $extra }.
chart-alt = Line chart of { $label } { $what } over the last { $days }: { $series } latest { $latest }, low { $low }, high { $high }{ $extra }.

chart-what-apy = APY
chart-what-price = price and depeg
chart-what-supply = supply
chart-nominal-apy = nominal APY
chart-realized-apy = realized APY 7 d
chart-apy-daily-panel = APY, % a year (compounded daily)
chart-sequencer-footnote = Nominal: reward per L2 block × blocks a year ÷ METIS locked. Realized: rewards paid over the trailing 7 d. Times in UTC.
chart-apy-24h = 24 h APY
chart-apy-7d = 7 d APY
chart-apy-panel = APY, % a year
chart-yield-footnote = APY from the growth of the share price over the trailing 24 h and 7 d, annualised with compounding. Times in UTC.
chart-price = price
chart-fair = fair value
chart-fair-band = fair ± { $bps } bps
chart-depeg = depeg
chart-price-panel = Price, { $quote } per { $asset }
chart-depeg-panel = Depeg, bps (price ÷ fair value − 1)
chart-at-fair = at fair value
chart-stable-footnote = Stable pair: marginal price on its curve x³y + xy³ = k. Depeg in bps, negative below fair. Band: fair ± { $bps } bps. UTC.
chart-pool-footnote = Depeg in basis points; negative trades below fair value. The band is fair value ± { $bps } bps. Times in UTC.
chart-supply = supply
chart-supply-panel = Supply, { $unit }{ $token }
chart-supply-footnote = Total supply of the token as read each poll cycle. Times in UTC.

# The base stacked by operator (/chart sequencers).
chart-last-read-block = last read block { $block },{" "}
chart-subtitle-reads = { $block }{ $asOf } · { $reads } reads
chart-others = { $count } others
chart-base-title = METIS locked by operator — last { $days }
chart-base-panel = METIS locked (the base), { $unit }METIS, stacked by operator
chart-base-footnote = Active and exiting sequencers (as in totalLocked); one protocol’s sequencers together. Legend: share at the last read. UTC.
chart-base-figures = latest { $latest }, low { $low }, high { $high }
chart-base-summary = METIS locked: { $figures } over the last { $days }. By operator at the last read: { $shares }.
chart-base-alt = Stacked area chart of METIS locked by operator over the last { $days }: { $figures }; { $shares }.

# One sequencer (/chart <sequencer>).
chart-locked = locked
chart-reward-day = reward per day
chart-sequencer-title = Sequencer { $name } — locked and reward per day, last { $days }
chart-locked-panel = Locked, { $unit }METIS
chart-reward-panel = Reward per day, METIS
chart-reward-footnote = Reward per day: growth of the unclaimed reward plus claims over each 24 h before the last read. Times in UTC.
chart-locked-text = locked: latest { $latest } ({ $share } of the base), low { $low }, high { $high }
chart-reward-none = reward per day: not enough history yet (needs reads a day apart)
chart-reward-text = reward per day: latest { $latest }, mean { $mean } over { $count } { $count ->
    [one] day
   *[other] days
}
chart-sequencer-summary = { $name }: { $locked }; { $reward }, last { $days }.
chart-sequencer-alt = Line chart of sequencer { $name } over the last { $days }: { $locked }; { $reward }.

# Replies.
chart-what-base = the METIS locked by sequencers
chart-what-sequencer = sequencer { $name }
chart-no-sequencers = No sequencer has been read yet.
chart-no-history-store = Charts need the stored history, and this bot runs without one.
chart-too-little = Not enough history for a { $window } chart of { $what } yet: { $stored } in the window, and a chart needs at least { $min }.
chart-stored-points = { $count ->
    [one] 1 stored point
   *[other] { $points } stored points
}
chart-try-later = The bot keeps a point every poll cycle; try again later.
chart-pick-asset = Another chart…
# A bare /chart: the menu of every chart. $window: 7d, 30d or 90d.
chart-pick-intro = Which chart? Pick a { $window } chart below (buttons under each chart change its window), or type /chart <name> [7d|30d|90d].
chart-pick-first = Pick a chart…
chart-window-current = · { $window } ·
# Under the picture: its subtitle, then its footnote.
chart-note = { $subtitle }. { $footnote }
