# 预警、恢复与通知（src/alerts）：订阅预警的聊天收到的消息。
# 数字已格式化传入（$bps '−130 bps'，$apy '18.20%'，$length '17 min'，$clock '08:00 UTC'）。

## 共用文字（src/alerts/alertText.ts）

alert-more = 更多：{ $command }
alert-data-note = 数据：链 { $chain } 的区块 { $block }，{ $age } 前读取。
# $clock '13:55 UTC'，$ago '10 min'
alert-at = { $clock }（{ $ago } 前）
alert-at-just-now = { $clock }（刚刚）
# $length '1 h 5 min'，$clock '13:00 UTC'
alert-lasted = { $length }（自 { $clock } 起）
alert-button-mute = 静音 24 h
alert-button-unsubscribe = 取消订阅

## 脱锚

alert-depeg-title = { $icon } 脱锚{ $level }：{ $label }
alert-depeg-escalated = { $icon } 脱锚升级为严重：{ $label }
alert-depeg-over = { $icon } 脱锚解除：{ $label }
# 计算脱锚所用的价格：$window '30 min'
alert-depeg-spot = 现货价格
alert-depeg-twap = {" "}{ $window } TWAP 价格
alert-depeg-trades = { $asset } 成交价 { $price } { $quote }，公允价值 { $fair } { $quote }：以{ $basis }计脱锚 { $bps }
alert-depeg-levels = { $trades }（警告线 { $warning } bps，严重线 { $critical } bps）。
alert-depeg-since = 自 { $since }起超过 { $warning } bps 警告线{ $worst }。
alert-depeg-worst = ，最严重 { $bps }（{ $clock }）
alert-depeg-recovered = { $trades }，已回到 { $warning } bps 警告线以内；按设置在 { $clear } bps 解除。{ $span }
alert-depeg-lasted = 本次脱锚持续 { $lasted }{ $worst }。

## APY 下跌

alert-apy-metric-24h = 24 h APY
alert-apy-metric-nominal-apr = 名义 APR
alert-apy-against = { $metric } 现为 { $current }，其 7 d 均值为 { $average }
alert-apy-trigger = { $percent } 或 { $points }
alert-apy-drop-title = { $icon } APY 下跌：{ $label }
alert-apy-drop = { $against }：低 { $points } pp（{ $percent } %）（低于均值 { $trigger } 时预警）。
alert-apy-since = 自 { $since }起低于阈值。
alert-apy-recovered-title = { $icon } APY 已恢复：{ $label }
alert-apy-recovered = { $against }：已回到均值的 { $trigger } 以内；按设置在 { $clear } 以内解除。{ $span }
alert-apy-lasted = 本次下跌持续 { $lasted }{ $lowest }。
alert-apy-lowest = ；最低 { $apy }（{ $clock }）

## 杠杆塔

alert-leverage-move = 杠杆现为 { $now }，24 h 前为 { $past }：{ $change }
alert-leverage-moved-title = { $icon } 杠杆塔变动
alert-leverage-moved = { $move }（24 h 内变动达 ±{ $threshold } 时预警）。
alert-leverage-since = 自 { $since }起超过 ±{ $threshold }。
alert-leverage-settled-title = { $icon } 杠杆塔已回稳
alert-leverage-settled = { $move }，已回到 { $threshold } 触发线以内；按设置在 { $clear } 解除。{ $span }
alert-leverage-lasted = 本次变动持续 { $lasted }{ $largest }。
alert-leverage-largest = ；最大变动 { $change }（{ $clock }）

## 停链

alert-halt-note = 数据：{ $age } 前读取链。
alert-halt-title = { $icon } { $chain } 已 { $length } 未出块
alert-halt-head = 区块头 #{ $head }（链 { $chainId }）自 { $since }起未变：RPC 有响应，但链没有前进（超过 { $limit } 视为停链）。
alert-halt-figures = 来自该链的数据与该区块一样旧。
alert-halt-resumed-title = { $icon } { $chain } 已恢复出块
alert-halt-resumed = 新区块头 #{ $head }（链 { $chainId }），已回到 { $limit } 停链阈值以内；其数据恢复为最新。{ $stood }
alert-halt-stood = 区块头此前至少停滞了 { $length }（自 { $clock } 起）。

## 数据过期（发给运维）

alert-stale-read = 链 { $chain } 的区块 { $block }
alert-stale-title = { $icon } 数据过期：{ $label }
alert-stale = 已 { $age } 没有成功读取（最后一次在 { $clock }，{ $read }）；超过 { $limit } 即视为过期。恢复之前任何预警都不使用它。
alert-stale-error = 最近的错误：{ $error }
alert-stale-fresh-title = { $icon } 数据已恢复：{ $label }
alert-stale-fresh = { $age } 前读取于{ $read }；已回到 { $limit } 过期阈值以内。{ $span }
alert-stale-lasted = 过期持续了 { $lasted }{ $longest }。
alert-stale-longest = ；最长 { $length } 没有成功读取

## 奖励变更

alert-reward-title = 🔔 奖励变更：{ $label }
alert-reward-change = 每个 L2 区块的奖励 { $old } → { $new } METIS{ $change }。
alert-reward-change-percent = ，{ $change }
alert-reward-apr = 名义 APR { $before } → { $after }（锁仓 METIS 与出块时间按当前计）。
alert-reward-apr-missing = 名义 APR —（{ $reason }）。
# $tx：交易（链有区块浏览器时为链接）；$at '07:50 UTC（15 min前）'
alert-reward-tx = 交易 { $tx }，链 { $chain } 的区块 { $block }，{ $at }。

## 排序器：活跃数量、基础锁仓下降、运营方占比

alert-active-title = ⚠️ 活跃排序器数量偏少
alert-active-restored-title = ✅ 活跃排序器数量已恢复
alert-active-count = 活跃排序器 { $count } 个（少于 { $minimum } 个时预警）。
alert-base-title = ⚠️ 排序器锁仓正在下降
alert-base-recovered-title = ✅ 排序器锁仓已恢复
alert-base-fall = 排序器锁仓的 METIS：{ $now }，比 24 h 前的 { $then } 低 { $percent }%（下降 { $threshold }% 时预警）。
alert-operator-title = ⚠️ 单一运营方占比过高：{ $operator }
alert-operator-recovered-title = ✅ 运营方占比已回落：{ $operator }
alert-operator-share = { $operator } 运行着排序器锁仓 METIS 的 { $percent }%（超过 { $threshold }% 时预警；同一协议的排序器合并计算）。

## 单个排序器：状态、奖励停滞、领取、退出、加入

alert-status-active = 活跃
alert-status-exiting = 退出中
alert-status-exited = 已退出
alert-status-unavailable = 不可用
alert-stall-title = ⏸️ 排序器 { $name }：奖励未增长
alert-stall = 处于活跃状态，锁仓 { $locked } METIS，但其已赚奖励（未领取加已领取）已 { $hours } h 没有增长{ $since }（达到 { $threshold } h 时预警）。停止出块的排序器也就停止了收益。
alert-stall-since = ，自 { $since } 起
alert-stall-recovered-title = ✅ 排序器 { $name }：{ $why }
alert-stall-grows-again = 奖励重新开始增长
alert-stall-left = 当前状态为{ $status }
alert-stall-recovered = 其奖励此前停滞{ $worst }（达到 { $threshold } h 时预警）。
alert-stall-worst = 最长 { $hours } h
alert-status-title = 🔁 排序器 { $name }：{ $from } → { $to }
alert-status-claimable = （{ $date } UTC 起可领取）
alert-status-line = 排序器 { $id }，锁仓 { $locked } METIS。
alert-claim-title = 💰 排序器 { $name } 领取了 { $amount } METIS
alert-claim = 已支付至 { $recipient }；仍有 { $unclaimed } METIS 未领取。
alert-claim-its-recipient = 其接收地址
alert-exit-title = 🚪 排序器退出中：{ $name }
alert-exit = 已开始退出，锁仓 { $amount } METIS，占排序器锁仓的 { $share }；{ $date } UTC 起可领取。
alert-exit-date-unknown = 日期未知
alert-sequencer-fallback = 排序器 { $id }
alert-join-title = 🆕 新排序器：{ $name }
alert-join = 排序器 { $id }{ $runBy }：锁仓 { $amount } METIS，占排序器锁仓的 { $share }；{ $status }。
alert-join-run-by = （由 { $lst } 运营）
