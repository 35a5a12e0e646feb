# /apy: the yield table and one source in detail. Shared cells: a table's age column.

age-never = never
age-block-old = { $age } (block { $blockAge } old)
age-stale = { $read } ⚠

apy-title = Metis yields
apy-no-figures = No figures yet: { $why }.{" "}
apy-no-figures-status = {" "}shows each source, its last error and the RPC endpoints.
apy-why-first-cycle = the first poll cycle has not finished yet
apy-why-all-failed = no source has been read successfully yet (every read failed)
apy-col-source = source
apy-col-now = APY now
apy-col-7d = APY 7 d
apy-col-change = Δ24h
apy-col-tvl = TVL
apy-col-age = age
apy-cell-nominal = { $apy } nominal
apy-with-note = { $figure } ({ $note })
apy-missing = — ({ $why })
apy-pool-not-read = { $pool } not read yet
apy-sequencer = Sequencer
apy-sequencer-line = : nominal APR { $apr } (APY { $apy }, compounded daily) · realized APR 7 d { $realizedApr } (APY { $realizedApy }), 30 d { $realized30d } · L2 block { $block } s
apy-spread = Spread over the sequencer's nominal APY
apy-spread-item = { $source } { $spread } ({ $window } APY)
apy-pools = Pools
apy-tower = Tower leverage
apy-tower-line = : { $leverage } of { $base } { $token } locked
apy-note = APY now: the sequencer's nominal APY (what the contract pays now, its APR compounded daily); a wrapper's 24 h APY from share-price growth. APY 7 d, realized: rewards paid over 7 d (sequencer, compounded daily) or 7 d of share-price growth. A window measured over more history than its name says so ("over 31 h"). Δ24h: change of APY now over 24 h, in percentage points. TVL in each row's token. age: since the last good read (⚠ stale). /apy <asset> for details.

apy-read = block { $block } on chain { $chain }, { $age } ago
apy-read-stale = {" "}(stale)
apy-read-halted = ; the chain has made no block since, so the block is { $age } old
apy-never-read = never read
apy-detail-no-figures = No figures yet: not read successfully.{" "}
apy-detail-no-figures-status = {" "}shows its last error.
apy-nominal-apr = Nominal APR:{" "}
apy-nominal-rest = {" "}(APY { $apy } compounded daily; Δ24h { $change })
apy-realized-7d = Realized APR 7 d:{" "}
apy-realized-apy = {" "}(APY { $apy })
apy-sep-30d = {" "}· 30 d:{" "}
apy-sep-7d = {" "}· 7 d:{" "}
apy-reward-block = Reward per L2 block: { $reward } METIS · L2 block time { $block } s
apy-locked = Locked: { $locked } METIS · exit delay { $delay }
apy-24h = APY 24 h:{" "}
apy-yield-change = Δ24h of the 24 h APY: { $change } · spread of the { $window } APY over the sequencer's nominal APY: { $spread }
apy-rate = Rate: 1 { $token } = { $rate } { $base }
apy-tvl = TVL: { $tvl } { $base } · supply { $supply }
apy-price = Price:{" "}
apy-price-per = {" "}per { $asset }
apy-price-per-spot = {" "}per { $asset } (spot)
apy-fair = Fair value: { $fair } · depeg { $depeg }
apy-fair-spot = Fair value: { $fair } · spot depeg { $depeg }
apy-stable = Stable pair: priced on its curve x³y + xy³ = k (the marginal price), not the reserve ratio
apy-twap = { $window } TWAP: { $twap }
apy-twap-depeg = { $window } TWAP: { $twap } · depeg { $depeg }
apy-twap-off = TWAP: { $twap }; depeg alerts use spot
apy-supply = Supply: { $supply }
apy-data = Data: { $read }
apy-last-error = Last error: { $error }
apy-note-yield = APY from the growth of the share price over each trailing window ({ $hours } h, 7 d, 30 d of block time), annualised with compounding.
apy-note-sequencer = Nominal: rewardPerBlock × L2 blocks per year ÷ METIS locked. Realized: rewards distributed in the window, annualised.
apy-note-pool-twap = Depeg in basis points: price ÷ fair value − 1; negative trades below fair. Depeg alerts use the TWAP (the pool oracle’s time-weighted price) while it is available, else spot.
apy-note-pool = Depeg in basis points: price ÷ fair value − 1; negative trades below fair.

# Buttons.
apy-button-back = ‹ All yields
apy-button-chart = Chart
apy-pool-why = {":"} { $why }
apy-colon = {": "}
