# /start and /help.

start-title = Metis yield bot
start-about = I watch Metis sequencer-mining rewards and the liquid staking tokens, vaults and pools built on them: APY, depeg and how much leverage sits on the METIS locked at the base.
help-title = Commands
help-item = {" "}— { $description }
help-note = Figures are computed from on-chain reads and say how old they are. Projections, not promises.
