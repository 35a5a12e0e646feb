# /start and /help.

start-title = Metis yield bot
start-about = I watch Metis sequencer-mining rewards and the liquid staking tokens, vaults and pools built on them: APY, depeg and how much leverage sits on the METIS locked at the base.
help-title = Commands
help-item = {" "}— { $description }
help-note = Figures are computed from on-chain reads and say how old they are. Projections, not promises.

# The main menu under /start and /help: one button per thing the bot offers. Language is named in both
# languages, so a chat set to one it cannot read still finds the way back.
menu-yields = Yields
menu-leverage = Leverage
menu-sequencers = Sequencers
menu-charts = Charts
menu-simulate = Simulate
menu-subscribe = Subscribe
menu-alerts = Alerts
menu-status = Status
menu-language = Language · 语言
