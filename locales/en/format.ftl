# Words inside figures (src/core): a missing figure's reason, a number of days, a window's real span, a pool's depeg.

missing-not-enough-history = not enough history
missing-zero-supply = zero supply
missing-zero-base = zero base
missing-zero-price = zero price
missing-no-data = no data
missing-no-path = no conversion path
missing-incomplete = incomplete data
missing-not-finite = not a finite number
missing-no-twap = a V2 pair has no price oracle
missing-twap-off = turned off with twapSeconds: 0
missing-no-oracle = the pool has no oracle: its oracle view reverted
missing-oracle-too-short = pool oracle does not reach back that far

# $days is the number as shown (14.5); $count picks the plural.
format-days = { $days } { $count ->
    [one] day
   *[other] days
}
format-span-over = over { $span }
format-depeg-spot-twap = spot { $spot }, { $window } TWAP { $twap }

# The rate a strategy earns at (/simulate).
rate-nominal-apr = nominal APR
rate-share-price-apy = { $window } share-price APY
rate-no-data-yet = no data yet
rate-no-yield-figures = no yield figures
