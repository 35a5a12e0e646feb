# /chart：回复，以及图中绘制的所有文字。

# 坐标轴上的数量，放在代币前：“百万 METIS”。
chart-unit-billion = 十亿{" "}
chart-unit-million = 百万{" "}
chart-unit-thousand = 千{" "}

chart-no-read = 尚未读取
chart-data-as-of = 数据时间 { $time }（距今 { $age }）
chart-data-as-of-stale = 数据时间 { $time }（距今 { $age }，已过期）
chart-widest-depeg = ；最大脱锚 { $depeg }
chart-title = { $label } — { $what }，最近 { $days }
chart-subtitle-points = { $asOf } · { $points } 个数据点
chart-summary = { $series }：最新 { $latest }，最低 { $low }，最高 { $high }（最近 { $days }）{ $extra }。
chart-alt = { $label } 最近 { $days } { $what } 的折线图：{ $series } 最新 { $latest }，最低 { $low }，最高 { $high }{ $extra }。

chart-what-apy = APY
chart-what-price = 价格与脱锚
chart-what-supply = 供应量
chart-nominal-apy = 名义 APY
chart-realized-apy = 实际 APY 7 d
chart-apy-daily-panel = APY，年化 %（按日复利）
chart-sequencer-footnote = 名义：每个 L2 区块奖励 × 每年区块数 ÷ 锁仓的 METIS。实际：过去 7 d 发放的奖励。时间为 UTC。
chart-apy-24h = 24 h APY
chart-apy-7d = 7 d APY
chart-apy-panel = APY，年化 %
chart-yield-footnote = APY 由份额价格在过去 24 h 和 7 d 内的增长计算，按复利年化。时间为 UTC。
chart-price = 价格
chart-fair = 公允价值
chart-fair-band = 公允价值 ± { $bps } bps
chart-depeg = 脱锚
chart-price-panel = 价格，{ $quote } / { $asset }
chart-depeg-panel = 脱锚，bps（价格 ÷ 公允价值 − 1）
chart-at-fair = 公允价值
chart-stable-footnote = 稳定币交易对：按曲线 x³y + xy³ = k 的边际价格。脱锚以 bps 计，负值低于公允价值。色带：公允价值 ± { $bps } bps。UTC。
chart-pool-footnote = 脱锚以基点（bps）计；负值表示低于公允价值交易。色带为公允价值 ± { $bps } bps。时间为 UTC。
chart-supply = 供应量
chart-supply-panel = 供应量，{ $unit }{ $token }
chart-supply-footnote = 每轮轮询读取的代币总供应量。时间为 UTC。

# 按运营方堆叠的基础锁仓（/chart sequencers）。
chart-last-read-block = 最近读取区块 { $block }，
chart-subtitle-reads = { $block }{ $asOf } · { $reads } 次读取
chart-others = 其他 { $count } 个
chart-base-title = 各运营方锁仓的 METIS — 最近 { $days }
chart-base-panel = 锁仓的 METIS（基础），{ $unit }METIS，按运营方堆叠
chart-base-footnote = 活跃及退出中的排序器（与 totalLocked 一致）；同一协议的排序器合并计算。图例：最近一次读取时的占比。UTC。
chart-base-figures = 最新 { $latest }，最低 { $low }，最高 { $high }
chart-base-summary = 锁仓 METIS：最近 { $days } { $figures }。最近一次读取时各运营方占比：{ $shares }。
chart-base-alt = 最近 { $days } 各运营方锁仓 METIS 的堆叠面积图：{ $figures }；{ $shares }。

# 单个排序器（/chart <排序器>）。
chart-locked = 锁仓
chart-reward-day = 每日奖励
chart-sequencer-title = 排序器 { $name } — 锁仓与每日奖励，最近 { $days }
chart-locked-panel = 锁仓，{ $unit }METIS
chart-reward-panel = 每日奖励，METIS
chart-reward-footnote = 每日奖励：最近一次读取前每个 24 h 内未领取奖励的增长加上已领取的奖励。时间为 UTC。
chart-locked-text = 锁仓：最新 { $latest }（占基础的 { $share }），最低 { $low }，最高 { $high }
chart-reward-none = 每日奖励：历史数据尚不足（需要相隔一天的读取）
chart-reward-text = 每日奖励：最新 { $latest }，{ $count ->
    [one] { $count }
   *[other] { $count }
} 天平均 { $mean }
chart-sequencer-summary = { $name }：{ $locked }；{ $reward }，最近 { $days }。
chart-sequencer-alt = 排序器 { $name } 最近 { $days } 的折线图：{ $locked }；{ $reward }。

# 回复。
chart-what-base = 排序器锁仓的 METIS
chart-what-sequencer = 排序器 { $name }
chart-no-sequencers = 尚未读取任何排序器。
chart-no-history-store = 图表需要已存储的历史数据，而本机器人运行时没有存储。
chart-too-little = { $what } 的 { $window } 图表历史数据尚不足：窗口内有 { $stored }，图表至少需要 { $min } 个。
chart-stored-points = { $count ->
    [one] 1 个已存储的数据点
   *[other] { $points } 个已存储的数据点
}
chart-try-later = 机器人每轮轮询保存一个数据点，请稍后再试。
chart-pick-asset = 其他图表…
# 不带参数的 /chart：所有图表的菜单。$window：7d、30d 或 90d。
chart-pick-intro = 要看哪个图表？请在下方选择 { $window } 图表（每个图表下方的按钮可切换时间范围），或输入 /chart <名称> [7d|30d|90d]。
chart-pick-first = 选择图表…
chart-window-current = · { $window } ·
# 图片下方：副标题，然后是脚注。
chart-note = { $subtitle }。{ $footnote }
