# /apy：收益表，以及单个来源的详情。共用单元格：表格的数据时长列。

age-never = 从未读取
age-block-old = { $age }（区块已 { $blockAge }）
age-stale = { $read } ⚠

apy-title = Metis 收益
apy-no-figures = 尚无数据：{ $why }。
apy-no-figures-status = {" "}可查看每个来源、其最近的错误和 RPC 端点。
apy-why-first-cycle = 第一轮轮询尚未完成
apy-why-all-failed = 还没有任何来源读取成功（每次读取都失败了）
apy-col-source = 来源
apy-col-now = 当前 APY
apy-col-7d = 7 d APY
apy-col-change = Δ24h
apy-col-tvl = TVL
apy-col-age = 数据时长
apy-cell-nominal = { $apy } 名义
apy-with-note = { $figure }（{ $note }）
apy-missing = —（{ $why }）
apy-pool-not-read = { $pool } 尚未读取
apy-sequencer = 排序器
apy-sequencer-line = ：名义 APR { $apr }（APY { $apy }，按日复利）· 实际 APR 7 d { $realizedApr }（APY { $realizedApy }），30 d { $realized30d } · L2 出块 { $block } s
apy-spread = 相对排序器名义 APY 的溢价
apy-spread-item = { $source } { $spread }（{ $window } APY）
apy-pools = 流动性池
apy-tower = 杠杆塔
apy-tower-line = ：{ $leverage }，基于锁仓的 { $base } { $token }
apy-note = 当前 APY：排序器的名义 APY（合约当前支付的收益，其 APR 按日复利）；封装代币为份额价格增长得出的 24 h APY。7 d APY 为实际收益：7 d 内发放的奖励（排序器，按日复利）或 7 d 的份额价格增长。窗口所用历史超出其名称时会注明（“实际跨度 31 h”）。Δ24h：当前 APY 在 24 h 内的变化，单位为百分点（pp）。TVL 以各行的代币计。数据时长：距上次成功读取的时间（⚠ 表示过期）。用 /apy <资产> 查看详情。

apy-read = 链 { $chain } 上的区块 { $block }，{ $age } 前
apy-read-stale = （已过期）
apy-read-halted = ；此后链上没有出新区块，该区块已有 { $age }
apy-never-read = 从未读取
apy-detail-no-figures = 尚无数据：尚未读取成功。
apy-detail-no-figures-status = {" "}可查看其最近的错误。
apy-nominal-apr = 名义 APR：
apy-nominal-rest = （APY { $apy }，按日复利；Δ24h { $change }）
apy-realized-7d = 实际 APR 7 d：
apy-realized-apy = （APY { $apy }）
apy-sep-30d = {" "}· 30 d：
apy-sep-7d = {" "}· 7 d：
apy-reward-block = 每个 L2 区块奖励：{ $reward } METIS · L2 出块时间 { $block } s
apy-locked = 锁仓：{ $locked } METIS · 退出等待期 { $delay }
apy-24h = APY 24 h：
apy-yield-change = 24 h APY 的 Δ24h：{ $change } · { $window } APY 相对排序器名义 APY 的溢价：{ $spread }
apy-rate = 兑换率：1 { $token } = { $rate } { $base }
apy-tvl = TVL：{ $tvl } { $base } · 供应量 { $supply }
apy-price = 价格：
apy-price-per = {" "}/ { $asset }
apy-price-per-spot = {" "}/ { $asset }（现价）
apy-fair = 公允价值：{ $fair } · 脱锚 { $depeg }
apy-fair-spot = 公允价值：{ $fair } · 现价脱锚 { $depeg }
apy-stable = 稳定币交易对：按其曲线 x³y + xy³ = k 定价（边际价格），而非储备比例
apy-twap = { $window } TWAP：{ $twap }
apy-twap-depeg = { $window } TWAP：{ $twap } · 脱锚 { $depeg }
apy-twap-off = TWAP：{ $twap }；脱锚预警使用现价
apy-supply = 供应量：{ $supply }
apy-data = 数据：{ $read }
apy-last-error = 最近错误：{ $error }
apy-note-yield = APY 由份额价格在各回溯窗口（{ $hours } h、7 d、30 d 区块时间）内的增长计算，按复利年化。
apy-note-sequencer = 名义：rewardPerBlock × 每年 L2 区块数 ÷ 锁仓的 METIS。实际：窗口内发放的奖励，年化。
apy-note-pool-twap = 脱锚以基点（bps）计：价格 ÷ 公允价值 − 1；负值表示低于公允价值交易。TWAP（池子预言机的时间加权价格）可用时脱锚预警使用 TWAP，否则使用现价。
apy-note-pool = 脱锚以基点（bps）计：价格 ÷ 公允价值 − 1；负值表示低于公允价值交易。

# 按钮。
apy-button-back = ‹ 全部收益
apy-button-chart = 图表
apy-pool-why = ：{ $why }
apy-colon = ：
