# /subscribe、/unsubscribe、谁可以更改它们，以及投递失败为何关闭了订阅。

sub-unavailable = 此处不支持订阅。
sub-refused-discord = 只有拥有“管理频道”权限的成员才能更改本频道的订阅和预警设置；任何人都可以用 /alerts 查看。
sub-refused-channel = 只有本频道的管理员才能更改本频道的订阅和预警设置；任何人都可以用 /alerts 查看。
sub-refused-group = 只有本群的管理员才能更改本群的订阅和预警设置；任何人都可以用 /alerts 查看。

# $what 为加粗部分（sub-what-…）。
sub-subscribed-digest = 已订阅：{ $what }，每天 { $time }（{ $zone }）发送。/unsubscribe digest 可取消。
sub-what-digest = 每日摘要
sub-subscribed-alerts = 已订阅：{ $what }，范围：{ $assets }。/alerts 查看规则；/unsubscribe alerts 可取消。
sub-what-alerts = 预警
sub-every-source = 全部数据源
sub-subscribed-sequencer = 已订阅：{ $what }（{ $seqId }）：其状态变化、奖励领取，以及活跃期间奖励 { $hours } h 未增长。/alerts 查看规则；/unsubscribe alerts 可取消。
sub-what-sequencer = 排序器 { $name } 的预警
sub-no-sequencer-read = 尚未读取到任何排序器。

# 摘要时间选择（/subscribe digest pick）；$zone 为时间所在的时区。
sub-pick-time = 请选择每日摘要的发送时间（{ $zone }）；也可以输入 /subscribe digest HH:MM { $zone }。

# 只输入 /subscribe：本聊天接收的内容，以及每种输入形式对应的按钮。
sub-menu-title = 本聊天的订阅
sub-menu-digest-on = 每日摘要：已开启，每天 { $time }（{ $zone }）
sub-menu-digest-off = 每日摘要：已关闭
# $assets：名称列表，或 sub-every-source。
sub-menu-alerts-on = 预警：已开启，范围：{ $assets }
sub-menu-alerts-off = 预警：已关闭
sub-menu-hint = 请在下方选择，或输入 /subscribe digest [HH:MM] [timezone] 或 /subscribe alerts [asset …]。
sub-button-digest = 每日摘要
sub-button-alerts-all = 全部预警
sub-menu-alerts-one = 单个资产的预警…
sub-button-unsubscribe = 取消订阅…

# /unsubscribe pick：选择要停止的内容，每项一个按钮（只输入 /unsubscribe 会同时停止两者）。
sub-stop-question = 本聊天要停止接收哪一项？也可以输入 /unsubscribe digest、/unsubscribe alerts 或 /unsubscribe all。
sub-stop-nothing = 本聊天没有任何订阅。/subscribe 可查看可订阅的内容。
sub-button-stop-digest = 摘要
sub-button-stop-alerts = 预警
sub-button-stop-both = 两者
sub-button-back = ‹ 返回

sub-none-digest = 本聊天没有订阅摘要。
sub-none-alerts = 本聊天没有订阅预警。
sub-none-all = 本聊天没有任何订阅。
sub-unsubscribed-digest = 已取消订阅：摘要。
sub-unsubscribed-alerts = 已取消订阅：预警。
sub-unsubscribed-all = 已取消订阅：摘要和预警。

# 投递失败关闭了订阅：$date "2 Dec 14:05 UTC"，$reason 为 sub-platform-…，$commands "/subscribe alerts, /subscribe digest"。
sub-off-both = 预警和摘要已于 { $date } 关闭，原因：{ $reason }。重新开启：{ $commands }。
sub-off-alerts = 预警已于 { $date } 关闭，原因：{ $reason }。重新开启：{ $commands }。
sub-off-digest = 摘要已于 { $date } 关闭，原因：{ $reason }。重新开启：{ $commands }。
# $platform：sub-platform-name-…；$status：HTTP 状态码；$text 与 $error：平台的原话。
sub-platform-answered = { $platform } 返回 { $status }：{ $text }
sub-platform-failed = { $platform } 出错：{ $error }
sub-platform-name-telegram = Telegram
sub-platform-name-discord = Discord
sub-platform-name-console = 控制台

# /alerts：本聊天的规则、阈值、未解除的预警和静音，以及设置面板的按钮。

alerts-title = 本聊天的预警
alerts-status-on = 预警：已开启（{ $assets }）
alerts-status-off = 预警：已关闭（/subscribe alerts）
alerts-digest-on = 摘要：{ $time } { $zone }
alerts-digest-off = 摘要：已关闭（/subscribe digest）
# 每条规则：加粗的名称，然后是“：”和阈值（数字已格式化）。
alerts-rule-apy-drop = APY 下跌
alerts-rule-apy-drop-text = ：低于 7 d 均值达相对 { $percent }% 或 { $points } 个百分点（apy-drop、apy-drop-points）
alerts-rule-depeg = 脱锚
alerts-rule-depeg-text = ：{ $warning } bps 警告，{ $critical } bps 严重；池子有 TWAP 时按 TWAP，否则按现价（depeg-warning、depeg-critical）
alerts-rule-leverage = 塔式杠杆
alerts-rule-leverage-text = ：24 h 内变化 { $percent }%（leverage）
alerts-rule-reward = 奖励变更
alerts-rule-reward-text = ：排序器的每次 RewardUpdate，即时通知
alerts-rule-halt = 链停摆
alerts-rule-halt-text = ：某条链在其 haltAfter（在配置中按链设置）内没有新区块时，通知订阅其数据源和排序器的聊天
alerts-rule-base-fall = 基础质押下降
alerts-rule-base-fall-text = ：24 h 内锁仓 METIS 下降 { $percent }%（base-fall）
alerts-rule-active = 活跃排序器
alerts-rule-active-text = ：少于 { $count } 个（active-sequencers）
alerts-rule-operator = 运营方占比
alerts-rule-operator-text = ：单个运营方持有超过 { $percent }% 的基础质押（operator-share）
alerts-rule-stall = 奖励停滞
alerts-rule-stall-text = ：活跃排序器的奖励 { $hours } h 未增长（reward-stall）
alerts-common = 连续 { $cycles } 个周期才触发（cycles）；低于阈值的 { $clear }% 时解除；恢复后冷却 { $cooldown } min（cooldown）
alerts-open = 未解除
alerts-held = 作为异常值暂缓，待再次出现后确认：{ $sources }
alerts-muted = 已静音
alerts-muted-list = ：{ $list }
alerts-muted-item = { $rule } { $source }，至 { $until }

# /alerts set 与 reset。$unit：alerts-unit-<rule>。
alerts-set = 已将本聊天的 { $rule } 设为 { $value } { $unit }。
alerts-unit-apy-drop = %（相对 7 d 均值的跌幅）
alerts-unit-apy-drop-points = 个百分点（低于 7 d 均值）
alerts-unit-depeg-warning = bps
alerts-unit-depeg-critical = bps
alerts-unit-leverage = %（24 h 内的变化）
alerts-unit-base-fall = %（24 h 内锁仓 METIS 的降幅）
alerts-unit-active-sequencers = 个活跃排序器（下限）
alerts-unit-operator-share = %（单个运营方的基础质押占比）
alerts-unit-reward-stall = 小时（活跃排序器没有收益）
alerts-unit-cycles = 个连续周期
alerts-unit-cooldown = 分钟
alerts-reset-done = 本聊天的所有阈值已恢复为配置的默认值。
alerts-reset-none = 本聊天已在使用配置的默认阈值。
alerts-lower = 调低阈值（−）
alerts-raise = 调高阈值（+）
alerts-button-reset = 恢复默认

# /alerts mute 与 unmute。$until："3 Dec 14:05 UTC"。
alerts-mute-done = 已静音 { $source } 的 { $rule } 预警 { $hours } h，至 { $until }。/alerts unmute { $rule } { $source } 可提前结束。
alerts-unmute-one = 已取消 { $source } 的 { $rule } 预警静音。
alerts-unmute-not-muted = { $source } 的 { $rule } 预警并未静音。
alerts-unmute-all = 已结束的静音：{ $count } 个。
alerts-unmute-none = 当前没有静音。
alerts-unmute-placeholder = 取消静音…
alerts-button-unmute = 取消静音 { $rule } { $source }
alerts-button-unmute-all = 全部取消静音
alerts-button-undo = 撤销

# 本部分的 /alerts 选项（Discord 斜杠命令；最多 100 个字符）。
cmd-alerts-source = 静音：预警的数据源 id，如 eMetis-METIS、tower、chain:1088；value 为小时数（1–168）

# 用法回复中，有效的摘要时间或时区的样子。
sub-expected-time = 00:00 到 23:59 之间的 HH:MM
sub-expected-timezone = IANA 时区，例如 Asia/Shanghai 或 UTC
