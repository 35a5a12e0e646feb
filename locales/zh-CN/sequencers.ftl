# /sequencers：所有排序器，或单个排序器的详情；以及输入的名称指的是哪个排序器。

sequencers-no-match = 没有与“{ $query }”匹配的排序器。排序器：{ $sequencers }
sequencers-several = “{ $query }”匹配 { $number } 个排序器：{ $sequencers }。请输入编号。

sequencers-title = 排序器
sequencers-none = 尚未读取任何排序器。
sequencers-status-active = 活跃
sequencers-status-exiting = 退出中
sequencers-status-exited = 已退出
sequencers-exiting-until = 退出中，至 { $date }
sequencers-col-sequencer = 排序器
sequencers-col-status = 状态
sequencers-col-locked = 锁仓
sequencers-col-of-base = 占基础
sequencers-col-income-7d = 7d 收益
sequencers-col-apr-7d = 7d APR
sequencers-col-income-30d = 30d 收益
sequencers-col-apr-30d = 30d APR
sequencers-col-epoch = L2 纪元
sequencers-signing = 签名中
sequencers-active = { $active } 个活跃
sequencers-active-rest = ，共 { $total } 个排序器；锁仓 { $base } METIS（基础）
sequencers-largest = 最大运营方
sequencers-largest-rest = ：{ $name }，占基础的 { $share }
sequencers-protocol-runs = { $protocol } 运营基础的 { $share }
sequencers-protocol-rest = （{ $count ->
    [one] { $number } 个排序器
   *[other] { $number } 个排序器
}，{ $locked } METIS）
sequencers-protocol-claims = ；{ $claims }
sequencers-claim = { $token } 债权占基础的 { $share }
sequencers-lst-run = LST 运营
sequencers-independent = 独立
sequencers-of-base = {" "}{ $share }（占基础）
sequencers-epoch = L2 纪元
sequencers-epoch-signed = {" "}{ $epoch }：由 { $signer } 签名
sequencers-note = 收益：在已存储读取的过去 7 d / 30 d 内，未领取奖励的增长加上已领取的奖励；APR = 收益 ÷ 其当前锁仓的 METIS × 一年 ÷ 窗口（实际收益，不复利）。占基础：锁仓 ÷ totalLocked（退出中的排序器在领取退出前仍计入）。配置中指明协议的运营方按协议合并；机器人无法看到谁向 LST 存入。用 /sequencers <名称或编号> 查看单个排序器。数据时长：{ $age }。

sequencers-event-locked = 锁仓
sequencers-event-relocked = 追加锁仓
sequencers-event-lock-update = 当前锁仓
sequencers-event-claim = 领取奖励
sequencers-event-unlock-init = 开始退出
sequencers-event-unlocked = 提取
sequencers-event-claimable = { $event }（{ $date } 可领取）
sequencers-claimable-since = 自 { $date } 起可领取
sequencers-claimable-from = { $date } 起可领取（还有 { $wait }）
sequencers-detail-title = 排序器 { $name }
sequencers-id = 编号
sequencers-run-by = {" "}· 由 { $lst } 运营
sequencers-status = 状态
sequencers-exit = ；退出{ $exit }
sequencers-locked = 锁仓
sequencers-locked-rest = {" "}{ $locked } METIS，占基础的 { $share }
sequencers-unclaimed = 未领取奖励
sequencers-income = 收益
sequencers-income-rest = {" "}7d { $income7d } METIS（APR { $apr7d }）· 30d { $income30d } METIS（APR { $apr30d }）
sequencers-epoch-unknown = {" "}未知
sequencers-epoch-signs = {" "}为纪元 { $epoch } 签名
sequencers-epoch-signs-current = {" "}为当前纪元签名
sequencers-epoch-not-signing = {" "}未为当前纪元签名
sequencers-owner = 所有者
sequencers-signer = 签名者
sequencers-col-date = 日期
sequencers-col-event = 事件
sequencers-no-events = 存储的历史中没有锁仓、解锁或领取事件。
sequencers-col-day-to = 截至日期
sequencers-col-reward = 奖励
sequencers-no-daily = 每日奖励：历史数据尚不足（需要相隔一天的读取）。
sequencers-detail-note = 每日奖励：最近一次读取前每个 24 h 内未领取奖励的增长加上已领取的奖励，最近 30 天。数据时长：{ $age }。
sequencers-status-unavailable = 不可用

# 按钮：排序器详情下方的按钮；排序器太多、放不下按钮时按编号分组的菜单。
sequencers-button-back = ‹ 全部排序器
sequencers-button-chart = 图表
sequencers-pick = 排序器 { $first }–{ $last }…
