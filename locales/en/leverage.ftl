# /leverage: the tower of claims on the METIS locked at the base.

leverage-title = Tower leverage
leverage-ratio = Leverage { $ratio }
leverage-nothing-locked = {" "}(no { $base } locked)
leverage-change = {" "}· change 24h { $day } · 7d { $week }
leverage-col-layer = layer
leverage-col-supply = supply
leverage-col-in-base = in { $base }
leverage-col-of-base = of base
leverage-cell-no-base = no { $base } locked
leverage-row-base = { $base } locked (base)
leverage-row-claims = all claims
leverage-run-by = Base run by
leverage-run-by-line = : { $runBy }.{" "}
leverage-rooted = Rooted { $ratio }
leverage-rooted-line = {" "}= all claims ÷ the { $base } locked by sequencers not run by the claims' issuers.
leverage-col-pool = exit: pool
leverage-col-spot-depeg = spot depeg
leverage-col-depeg = depeg
leverage-col-twap-depeg = TWAP depeg
leverage-col-age = age
leverage-exit-delay = Exit delay
leverage-exit-delay-line = : { $days } before locked { $base } can be withdrawn (LockingPool exit delay)
leverage-note = Leverage = Σ layer supply × fair value in { $base } ÷ { $base } locked by sequencers; above 1× claims are stacked on claims. Change: against the stored leverage 24 h and 7 d ago. Exit: what each pool takes before the average sale price is 1 % / 5 % under spot, fees not counted (V2 from the reserve; a stable pair on its curve x³y + xy³ = k; V3 and Algebra from the in-range liquidity taken as one range, an approximation). { $age }
leverage-no-read = No source has been read yet.
leverage-tower-age = Tower data: the oldest read is { $age } old ({ $source }).
leverage-tower-age-stale = Tower data: the oldest read is { $age } old ({ $source }, stale).

# Who runs the base, shared with the digest.
runby-line = LST protocols { $lst }{ $protocols }, independent sequencers { $independent }
runby-protocols = {" "}({ $list })
