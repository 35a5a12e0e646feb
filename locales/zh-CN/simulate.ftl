# /simulate：一笔金额持有或循环借贷的收益，按策略。

# 标题。$amount 按输入显示（1,000），$horizon 来自 simulate-horizon-* 消息。
simulate-hold-title = 模拟 { $amount } { $base }，期限 { $horizon }
simulate-loop-title = 循环借贷 { $amount } { $base }，期限 { $horizon }

# 期限：$n 为显示的数字（1.5）；中文不区分单复数，$count 不使用。
simulate-horizon-year = { $n } 年{ $count ->
    [one] {""}
   *[other] {""}
}
simulate-horizon-month = { $n } 个月{ $count ->
    [one] {""}
   *[other] {""}
}
simulate-horizon-week = { $n } 周{ $count ->
    [one] {""}
   *[other] {""}
}
simulate-horizon-day = { $n } 天{ $count ->
    [one] {""}
   *[other] {""}
}
simulate-horizon-hour = { $n } 小时{ $count ->
    [one] {""}
   *[other] {""}
}

# 有效值的样子（用于输入错误的提示）。
simulate-expected-amount = 1000、1,000、1k、2.5m、1e3
simulate-expected-duration = 12h、30d、12w、6m（月）、1y；范围 1h 到 10y
simulate-expected-ltv = 0.7 或 70%
simulate-expected-borrow = 4.5% 或 0.045
simulate-expected-lt = 0.8 或 80%

# 无法模拟的情况。$example 是一条命令。
simulate-no-source = 没有配置可模拟的收益来源。
simulate-no-token = 没有配置可用于循环借贷的质押代币。
simulate-cannot-loop = { $label } 无法循环借贷：排序器锁仓的 METIS 不能作为抵押品。请改用质押代币循环，例如 { $example }

# 表格列名；压力情景列为列名加降幅（APY −25%）。
simulate-column-strategy = 策略
simulate-column-apy = APY
simulate-column-net-apy = 净 APY
simulate-column-net = 净 APY
simulate-column-final = 最终金额
simulate-column-gain = 收益
simulate-column-age = 时效
# 说明中的压力情景："25 % 和 50 %"。
simulate-and = { $first } 和 { $second }

# 持有：各收益率如何计算，接在加粗的策略名之后。
simulate-compound-daily = 按日复利
simulate-compound-weekly = 按周复利
simulate-compound-monthly = 按月复利
simulate-compound-none = 不复利（收益提出：单利）
simulate-rate-missing = ：尚无收益率（{ $why }）
simulate-rate-apr = ：{ $rate } { $value }，{ $compounding } → 年化 { $apy }
simulate-rate-apy = ：{ $rate } { $value }，以 { $base } 计；复利已体现在份额价格中
simulate-rate-apy-compound-ignored = ，因此 compound= 不影响结果
# $loop 是加粗的 loop 一词。
simulate-loop-options-ignored = ltv=、loops=、borrow= 和 lt= 只适用于循环借贷：加上 { $loop } 才会生效。

# 表格下方的说明。
simulate-projection-note = 以上为按当前收益率的预测，并非承诺：收益率会变化，代币也可能低于其公允价值交易。
simulate-hold-note = { simulate-projection-note }金额以 { $base } 计；包装代币的 APY 是其相对基础代币的增长。压力情景：所有收益率降低 { $drops }。时效：距该来源上次成功读取的时间（⚠ 数据过期）。
simulate-loop-note = { simulate-projection-note }净 APY ≈ M × 质押 APY − (M − 1) × 借款 APR，其中敞口 M = Σ ltv^i（i = 0…loops），借入的是 { $base }。清算脱锚幅度 = 1 − (M − 1) / (M × lt)：代币相对债务下跌多少后会被借贷市场清算。退出：可将该代币兑换为 { $base }（或与其 1:1 等值的代币）的池子；在平均成交价低于现价 1 % / 5 % 之前可承接的数量，未计手续费（V3：把区间内流动性视为单一区间，属近似值）。压力情景将质押 APY 降低 { $drops }；借款利率不变。时效：距该来源上次成功读取的时间（⚠ 数据过期）。

# 循环借贷的设置，默认值会注明原因："3 轮（默认）"。
simulate-setting-ltv = ltv { $ltv }
simulate-setting-loops = { $loops } 轮{ $count ->
    [one] {""}
   *[other] {""}
}
simulate-setting-borrow = 借款 { $borrow } APR
simulate-setting-lt = 清算阈值 { $lt }
simulate-setting-marked = { $setting }（{ $why }）
simulate-setting-default = 默认
simulate-setting-assumed-borrow = 假设值：可用 borrow= 设置
simulate-setting-default-lt = 默认：可用 lt= 设置

# 每个策略的循环借贷明细。$net 与 $fall 加粗显示。
simulate-loop-no-rate = 尚无收益率（{ $why }）。
simulate-exposure = 敞口 { $exposure }：质押 { $staked } { $base }，借入 { $borrowed }。
simulate-net-apy = 净 APY { $net } = { $exposure } × { $stake }（{ $rate }）− { $debt } × { $borrow }（借款）。
simulate-no-debt = 没有借款：不存在清算。
simulate-liquidatable-now = 立即可被清算
simulate-liquidatable-now-why = ：债务/抵押比 { $ratio } 已达到或超过阈值 { $lt }。
simulate-liquidated-if = 若 { $fall }（相对借入的 { $base }），将被清算（阈值 { $lt }）。
simulate-token-falls = { $token } 下跌 { $depeg }

# 退出流动性：池子在 1 % 和 5 % 滑点内可承接的数量。$amount 形如 "500.00 seMetis"。
simulate-exit-none = 退出：没有池子能把 { $token } 兑换为 { $base }：退出只能通过协议赎回，需等待其退出期。
simulate-exit = 退出：{ $pool }{ $unwrap }{ $at1 }，{ $at5 }。
simulate-exit-unwrap = （{ $token } 与 { $base } 1:1 等值）
simulate-exit-at-1 = 在 1 % 滑点内可承接 { $amount }{ $share }
simulate-exit-at-5 = 在 5 % 滑点内可承接 { $amount }{ $share }
simulate-exit-nothing-at-1 = 在 1 % 滑点内可承接 —
simulate-exit-nothing-at-5 = 在 5 % 滑点内可承接 —
simulate-exit-share = （占仓位的 { $share }）
simulate-exit-share-all = （全部仓位）

# 回答下方的按钮：当前期限加标记，与图表的时间窗口一致；切换到另一种模式。
simulate-button-current = · { $label } ·
simulate-button-hold = 改为持有
simulate-button-loop = 改为循环借贷
# 未给出金额的 /simulate：下方是金额按钮。
simulate-pick-amount = 要模拟多少 { $base }？请选择金额，或直接输入，例如 /simulate 2500 90d。
