# /sequencers: every sequencer, or one in detail; and which sequencer a typed name means.

sequencers-no-match = No sequencer matches "{ $query }". Sequencers: { $sequencers }
sequencers-several = "{ $query }" matches { $number } sequencers: { $sequencers }. Give the id.

sequencers-title = Sequencers
sequencers-none = No sequencer has been read yet.
sequencers-status-active = active
sequencers-status-exiting = exiting
sequencers-status-exited = exited
sequencers-exiting-until = exiting until { $date }
sequencers-col-sequencer = sequencer
sequencers-col-status = status
sequencers-col-locked = locked
sequencers-col-of-base = of base
sequencers-col-income-7d = income 7d
sequencers-col-apr-7d = APR 7d
sequencers-col-income-30d = income 30d
sequencers-col-apr-30d = APR 30d
sequencers-col-epoch = L2 epoch
sequencers-signing = signing
sequencers-active = { $active } active
sequencers-active-rest = {" "}of { $total } sequencers; { $base } METIS locked (the base)
sequencers-largest = Largest operator
sequencers-largest-rest = : { $name } with { $share } of the base
sequencers-protocol-runs = { $protocol } runs { $share } of the base
sequencers-protocol-rest = {" "}({ $count ->
    [one] { $number } sequencer
   *[other] { $number } sequencers
}, { $locked } METIS)
sequencers-protocol-claims = ; { $claims }
sequencers-claim = { $token } claims are { $share } of the base
sequencers-lst-run = LST-run
sequencers-independent = independent
sequencers-of-base = {" "}{ $share } of the base
sequencers-epoch = L2 epoch
sequencers-epoch-signed = {" "}{ $epoch }: signed by { $signer }
sequencers-note = Income: growth of the unclaimed reward plus claims over the trailing 7 d / 30 d of stored reads; APR = income ÷ the METIS it locks now × year ÷ window (realized, not compounded). Share of the base: locked ÷ totalLocked (exiting sequencers count until their exit is claimed). Operators are grouped by protocol where the config names one; the bot cannot see who deposited into an LST. /sequencers <name or id> for one sequencer. Data age: { $age }.

sequencers-event-locked = locked
sequencers-event-relocked = relocked (added)
sequencers-event-lock-update = lock now
sequencers-event-claim = claimed reward
sequencers-event-unlock-init = started exit of
sequencers-event-unlocked = withdrew
sequencers-event-claimable = { $event } (claimable { $date })
sequencers-claimable-since = claimable since { $date }
sequencers-claimable-from = claimable from { $date } (in { $wait })
sequencers-detail-title = Sequencer { $name }
sequencers-id = Id
sequencers-run-by = {" "}· run by { $lst }
sequencers-status = Status
sequencers-exit = ; exit { $exit }
sequencers-locked = Locked
sequencers-locked-rest = {" "}{ $locked } METIS, { $share } of the base
sequencers-unclaimed = Unclaimed reward
sequencers-income = Income
sequencers-income-rest = {" "}7d { $income7d } METIS (APR { $apr7d }) · 30d { $income30d } METIS (APR { $apr30d })
sequencers-epoch-unknown = {" "}unknown
sequencers-epoch-signs = {" "}signs epoch { $epoch }
sequencers-epoch-signs-current = {" "}signs epoch
sequencers-epoch-not-signing = {" "}not signing the current epoch
sequencers-owner = Owner
sequencers-signer = Signer
sequencers-col-date = date
sequencers-col-event = event
sequencers-no-events = No lock, unlock or claim event in the stored history.
sequencers-col-day-to = day to
sequencers-col-reward = reward
sequencers-no-daily = Reward per day: not enough history yet (needs reads a day apart).
sequencers-detail-note = Reward per day: growth of the unclaimed reward plus claims over each 24 h before the last read, last 30 days. Data age: { $age }.
sequencers-status-unavailable = unavailable

# Buttons: under a sequencer's detail, and the menu of sequencers (by id) when there are too many for buttons.
sequencers-button-back = ‹ All sequencers
sequencers-button-chart = Chart
sequencers-pick = Sequencers { $first }–{ $last }…
