# The daily digest. $date is "Fri 15 Jan 2027 · 09:00" (one format in every language), $zone an IANA name.

digest-title = Daily digest · { $date } { $zone }
# After a bold label: ": " and the line.
digest-after-label = {": "}{ $text }
digest-apy-24h = 24 h APY
digest-apy-nominal = nominal APY
# Why a figure is missing, after it.
digest-why = {" "}({ $reason })
digest-history-short = history < { $window }
digest-stale = {" "}(stale: read { $age } ago)
digest-depeg = depeg { $depeg }
digest-depeg-spot = depeg spot { $depeg }
digest-tower = Tower leverage
digest-base-run-by = Base run by
digest-rooted = rooted { $ratio }
digest-open-alerts = Open alerts
digest-data-none = Data: no source read yet.
digest-data-read = Data: read { $age } ago.
digest-data-read-oldest = Data: read { $age } ago, the oldest { $oldest } ago ({ $source }).
digest-delta-note = Δ: change in percentage points (pp) over 24 h and 7 d.
digest-note = { $read } { $delta }
digest-button-unsubscribe = Unsubscribe
digest-button-change-time = Change time

# A digest's local date and time: "Wed 2 Dec 2026 · 09:00".
date-title = { $weekday } { $day } { $month } { $year } · { $time }
date-weekday-mon = Mon
date-weekday-tue = Tue
date-weekday-wed = Wed
date-weekday-thu = Thu
date-weekday-fri = Fri
date-weekday-sat = Sat
date-weekday-sun = Sun
date-month-1 = Jan
date-month-2 = Feb
date-month-3 = Mar
date-month-4 = Apr
date-month-5 = May
date-month-6 = Jun
date-month-7 = Jul
date-month-8 = Aug
date-month-9 = Sep
date-month-10 = Oct
date-month-11 = Nov
date-month-12 = Dec
