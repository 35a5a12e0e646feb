# 每日摘要。$date 为 "Fri 15 Jan 2027 · 09:00"（各语言同一格式），$zone 为 IANA 时区名。

digest-title = 每日摘要 · { $date } { $zone }
# 加粗标签之后：“：”和正文。
digest-after-label = ：{ $text }
digest-apy-24h = 24 h APY
digest-apy-nominal = 名义 APY
# 数值缺失的原因，跟在数值之后。
digest-why = （{ $reason }）
digest-history-short = 历史不足 { $window }
digest-stale = （数据过期：{ $age } 前读取）
digest-depeg = 脱锚 { $depeg }
digest-depeg-spot = 现价脱锚 { $depeg }
digest-tower = 塔式杠杆
digest-base-run-by = 基础质押的运营方
digest-rooted = 独立根比率 { $ratio }
digest-open-alerts = 未解除的预警
digest-data-none = 数据：尚未读取任何数据源。
digest-data-read = 数据：{ $age } 前读取。
digest-data-read-oldest = 数据：{ $age } 前读取，最旧的 { $oldest } 前（{ $source }）。
digest-delta-note = Δ：24 h 和 7 d 内的变化，单位为百分点（pp）。
digest-note = { $read }{ $delta }
digest-button-unsubscribe = 取消订阅
digest-button-change-time = 更改时间

# 摘要的当地日期与时间："2026年12月2日 周三 · 09:00"。
date-title = { $year }年{ $month }月{ $day }日 { $weekday } · { $time }
date-weekday-mon = 周一
date-weekday-tue = 周二
date-weekday-wed = 周三
date-weekday-thu = 周四
date-weekday-fri = 周五
date-weekday-sat = 周六
date-weekday-sun = 周日
date-month-1 = 1
date-month-2 = 2
date-month-3 = 3
date-month-4 = 4
date-month-5 = 5
date-month-6 = 6
date-month-7 = 7
date-month-8 = 8
date-month-9 = 9
date-month-10 = 10
date-month-11 = 11
date-month-12 = 12
