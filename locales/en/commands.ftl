# Command and option descriptions: Telegram's command menu, Discord's slash commands, /help.
# Discord shows at most 100 characters.

cmd-start = Introduction

cmd-help = What this bot can do

cmd-apy = APY of the sequencer and each LST/LRT: now, 7 d, change over 24 h, TVL, data age
cmd-apy-asset = Source or token, e.g. seMetis

cmd-simulate = What an amount earns at current rates, per strategy, with stress; or a loop: net APY and its risks
cmd-simulate-amount = Amount in METIS, e.g. 1000 (text also takes 1,000, 1k, 2.5m, 1e3); none: pick one with buttons
cmd-simulate-duration = How long: 12h, 30d, 12w, 6m (months), 1y; from 1h to 10y (default 1y)
cmd-simulate-strategy = The sequencer or a staking token, e.g. seMetis (default: all, ranked)
cmd-simulate-mode = hold (default) or loop (borrow against it and stake again)
cmd-simulate-compound = How the sequencer APR compounds: daily (default), weekly, monthly, none
cmd-simulate-ltv = Loop: loan-to-value per loop, 0 to below 1, e.g. 0.7 or 70% (default 0.7)
cmd-simulate-loops = Loop: how many times the loan is staked again, 0 to 20 (default 3)
cmd-simulate-borrow = Loop: borrow APR as a fraction, 0.045 = 4.5% (default 0.05, assumed)
cmd-simulate-lt = Loop: liquidation threshold of the lending market, e.g. 0.8 (default 0.8)

cmd-leverage = The tower: METIS locked, each wrapper layer in METIS, leverage and its change, exit liquidity

cmd-sequencers = Every sequencer: status, share of the base, income; who runs the base. With a name or id: details
cmd-sequencers-sequencer = A sequencer name (or part of it), id, or owner/signer address

cmd-chart = Chart from stored history: an asset’s APY or price, the base by operator, one sequencer (7d/30d/90d)
cmd-chart-asset = Source or token (seMetis), "sequencers" for the base, or a sequencer name or id
cmd-chart-window = How far back: 7d, 30d, 90d (default 7d)

cmd-status = Health of every source and chain: last good read, age, last error, RPC in use, head block, halts

cmd-subscribe = Subscribe this chat to the daily digest or to alerts
cmd-subscribe-kind = digest or alerts; none: what this chat receives, with buttons
cmd-subscribe-time = Digest time, HH:MM (24 h), default 09:00; "pick" to choose it with buttons
cmd-subscribe-timezone = Digest time zone (IANA), e.g. Europe/Berlin; default UTC
cmd-subscribe-asset = An asset to alert on (all when none is given), e.g. seMetis; or "sequencer" and a sequencer name
cmd-subscribe-asset2 = An asset to alert on (all when none is given), e.g. seMetis; or "sequencer" and a sequencer name
cmd-subscribe-asset3 = An asset to alert on (all when none is given), e.g. seMetis; or "sequencer" and a sequencer name
cmd-subscribe-asset4 = An asset to alert on (all when none is given), e.g. seMetis; or "sequencer" and a sequencer name

cmd-unsubscribe = Stop the daily digest, alerts, or both (default) in this chat
cmd-unsubscribe-what = digest, alerts or all (default); "pick" to choose with buttons

cmd-alerts = Show this chat's alert rules and open alerts, or change a threshold: /alerts set <rule> <value>
cmd-alerts-action = set, to change a threshold
cmd-alerts-rule = The threshold to change
cmd-alerts-value = The new value

cmd-lang = This chat's language: English or Chinese (中文)
cmd-lang-language = en or zh
