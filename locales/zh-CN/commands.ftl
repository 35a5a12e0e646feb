# 命令与参数说明：Telegram 的命令菜单、Discord 的斜杠命令、/help。
# Discord 最多显示 100 个字符。

cmd-start = 简介

cmd-help = 这个机器人能做什么

cmd-apy = 排序器与各 LST/LRT 的 APY：当前、7 天、24 小时变化、TVL、数据时效
cmd-apy-asset = 来源或代币，例如 seMetis

cmd-simulate = 按当前收益率计算一笔金额的收益（按策略、含压力情景）；或循环借贷的净 APY 与风险
cmd-simulate-amount = METIS 数量，例如 1000（文本也接受 1,000、1k、2.5m、1e3）；不填则用按钮选择
cmd-simulate-duration = 时长：12h、30d、12w、6m（月）、1y；1h 到 10y（默认 1y）
cmd-simulate-strategy = 排序器或某个质押代币，例如 seMetis（默认：全部，按结果排序）
cmd-simulate-mode = hold（默认，持有）或 loop（抵押借款后再次质押）
cmd-simulate-compound = 排序器 APR 的复利方式：daily（默认）、weekly、monthly、none
cmd-simulate-ltv = 循环：每轮贷款价值比，0 到小于 1，例如 0.7 或 70%（默认 0.7）
cmd-simulate-loops = 循环：借款再质押的次数，0 到 20（默认 3）
cmd-simulate-borrow = 循环：借款 APR（小数），0.045 = 4.5%（默认 0.05，假设值）
cmd-simulate-lt = 循环：借贷市场的清算阈值，例如 0.8（默认 0.8）

cmd-leverage = 质押塔：锁定的 METIS、各层包装代币折合 METIS、杠杆及其变化、退出流动性

cmd-sequencers = 所有排序器：状态、占基础锁仓的份额、收益；谁在运营基础锁仓。带名称或编号：详情
cmd-sequencers-sequencer = 排序器名称（或其中一部分）、编号，或所有者/签名者地址

cmd-chart = 历史数据图表：资产的 APY 或价格、按运营方划分的基础锁仓、单个排序器（7d/30d/90d）
cmd-chart-asset = 来源或代币（seMetis）、"sequencers" 表示基础锁仓，或排序器名称/编号
cmd-chart-window = 时间范围：7d、30d、90d（默认 7d）

cmd-status = 各来源与各链的健康状况：最近一次成功读取、时效、最近错误、所用 RPC、最新区块、停链

cmd-subscribe = 为本聊天订阅每日摘要或预警
cmd-subscribe-kind = digest（摘要）或 alerts（预警）；不填则显示本聊天的订阅和按钮
cmd-subscribe-time = 摘要时间，HH:MM（24 小时制），默认 09:00；"pick" 用按钮选择
cmd-subscribe-timezone = 摘要时区（IANA），例如 Asia/Shanghai；默认 UTC
cmd-subscribe-asset = 要预警的资产（不填则全部），例如 seMetis；或 "sequencer" 加排序器名称
cmd-subscribe-asset2 = 要预警的资产（不填则全部），例如 seMetis；或 "sequencer" 加排序器名称
cmd-subscribe-asset3 = 要预警的资产（不填则全部），例如 seMetis；或 "sequencer" 加排序器名称
cmd-subscribe-asset4 = 要预警的资产（不填则全部），例如 seMetis；或 "sequencer" 加排序器名称

cmd-unsubscribe = 停止本聊天的每日摘要、预警，或两者（默认）
cmd-unsubscribe-what = digest、alerts 或 all（默认）；"pick" 用按钮选择

cmd-alerts = 查看本聊天的预警规则与未解除的预警，或修改阈值：/alerts set <规则> <数值>
cmd-alerts-action = set，修改阈值
cmd-alerts-rule = 要修改的阈值
cmd-alerts-value = 新数值

cmd-lang = 本聊天的语言：英文（English）或中文
cmd-lang-language = en 或 zh
