# /status：每个来源最近一次成功读取和最近的错误；每条链使用的 RPC 和最新区块。

status-title = 运行状态
status-col-source = 来源
status-col-state = 状态
status-col-block = 区块
status-col-age = 数据时长
status-state-no-data = 无数据
status-state-stale = 已过期
status-state-ok = 正常
status-ago = { $age } 前
status-error = { $source }：{ $error }（{ $ago }）
status-last-errors = 最近错误：
status-no-twap = { $source }：没有 { $window } TWAP（{ $why }）；脱锚预警使用现价
status-chain = { $name }（{ $id }）：RPC { $rpc }，最新区块 { $head }
status-chain-read = {" "}读取于 { $ago }
status-halted = ；自 { $since } 起没有新区块（{ $length }）：已停止出块（haltAfter { $after }）
status-chain-error = ；最近错误：{ $error }（{ $ago }）
status-last-cycle = 最近一轮轮询完成于 { $ago }。
status-no-cycle = 启动以来尚未完成任何一轮轮询。
