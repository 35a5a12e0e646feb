# Alert levels and a chat's open alerts (/alerts, the digest).

level-ok = ok
level-warning = warning
level-critical = critical
open-alerts-none = : none
# $list: the open alerts, "depeg semetis (warning) · …"
open-alerts-list = : { $list }
open-alert = { $rule } { $source } ({ $level })
