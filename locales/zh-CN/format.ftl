# 数字中的文字（src/core）：缺失数值的原因、天数、窗口的实际跨度、池子的脱锚。

missing-not-enough-history = 历史数据不足
missing-zero-supply = 供应量为零
missing-zero-base = 基数为零
missing-zero-price = 价格为零
missing-no-data = 无数据
missing-no-path = 无换算路径
missing-incomplete = 数据不完整
missing-not-finite = 不是有限数值
missing-no-twap = V2 交易对没有价格预言机
missing-twap-off = 已通过 twapSeconds: 0 关闭
missing-no-oracle = 该池子没有预言机：其预言机查询被回退
missing-oracle-too-short = 池子的预言机回溯不到那么久

# $days 为显示的数字（14.5）；中文不区分单复数，$count 不使用。
format-days = { $days } 天{ $count ->
    [one] {""}
   *[other] {""}
}
format-span-over = 实际跨度 { $span }
format-depeg-spot-twap = 现价 { $spot }，{ $window } TWAP { $twap }

# 策略的收益率（/simulate）。
rate-nominal-apr = 名义 APR
rate-share-price-apy = { $window } 份额价格 APY
rate-no-data-yet = 尚无数据
rate-no-yield-figures = 无收益数据
