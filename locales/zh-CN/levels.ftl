# 预警级别与聊天中未解除的预警（/alerts、摘要）。

level-ok = 正常
level-warning = 警告
level-critical = 严重
open-alerts-none = ：无
# $list：未解除的预警，"depeg semetis（警告）· …"
open-alerts-list = ：{ $list }
open-alert = { $rule } { $source }（{ $level }）
