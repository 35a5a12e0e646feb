# 用户输入中的错误、随后的用法与命令列表、频率限制以及出错时的回复。
# 用户输入的内容（$value、$option、$command）已处理为可安全引用的文本。

# 列表中各值之间："a、b、c"。
usage-list-separator = 、
usage-unknown-command = 未知命令 { $command }。
# $meant 为 usage-did-you-mean 或空；$choices 为可选值，"a, b, c"。
usage-unknown-choice = 无法识别的 { $option }：“{ $value }”。{ $meant }可选：{ $choices }。
usage-did-you-mean = 你是不是想输入 { $meant }？
# $example 为 usage-for-example 或空。
usage-not-a-number = { $option } 必须是数字，不能是“{ $value }”{ $example }。
usage-for-example = （例如 { $expected }）
usage-out-of-range = { $option } 必须在 { $min } 到 { $max } 之间，不能是 { $value }。
# 一端开区间的范围：$range 来自 usage-range-* 消息。
usage-out-of-bounds = { $option } 必须{ $range }，不能是 { $value }。
usage-range-above = 大于 { $min }
usage-range-from = 大于等于 { $min }
usage-range-below = 小于 { $max }
usage-range-to = 小于等于 { $max }
usage-range-both = { $low } 且{ $high }
usage-missing-argument = 缺少 { $option }。
usage-too-many-arguments = 多余的参数：“{ $value }”。
usage-unknown-option = 未知选项：“{ $option }”。
usage-too-long = 这条消息太长，不能作为命令（{ $length } 个字符；最多 { $max } 个）。
# $expected 为 usage-expected 或空。
usage-invalid-value = { $option } 的值“{ $value }”无效{ $expected }。
usage-expected = ：应为 { $expected }
# $expected：每个可填的选项及其接受的值，"duration（12h、…）、mode（hold, loop）"。
usage-no-matching-option = “{ $value }”不匹配任何选项；应为以下之一：{ $expected }。
usage-candidate = { $option }（{ $takes }）
usage-a-number = 数字

# 错误之后：命令的用法，或全部命令。
usage-line = 用法：{ $usage }
usage-commands = 命令：{ $commands }

# 命令频率限制：每分钟 $limit 条，$wait 形如 13s。
usage-rate-limited = 你发送命令的速度超过了我的回复速度（每分钟最多 { $limit } 条）。请在 { $wait } 后重试。

# 命令意外出错；$ref 以代码样式显示。
usage-failure = 处理这条命令时出错了，已记录到日志，编号 { $ref }。
