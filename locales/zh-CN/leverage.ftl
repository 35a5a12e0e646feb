# /leverage：建立在基础锁仓 METIS 之上的债权塔。

leverage-title = 杠杆塔
leverage-ratio = 杠杆 { $ratio }
leverage-nothing-locked = （没有锁仓的 { $base }）
leverage-change = {" "}· 24h 变化 { $day } · 7d 变化 { $week }
leverage-col-layer = 层
leverage-col-supply = 供应量
leverage-col-in-base = 折合 { $base }
leverage-col-of-base = 占基础
leverage-cell-no-base = 没有锁仓的 { $base }
leverage-row-base = 锁仓的 { $base }（基础）
leverage-row-claims = 全部债权
leverage-run-by = 基础的运营方
leverage-run-by-line = ：{ $runBy }。
leverage-rooted = 根杠杆 { $ratio }
leverage-rooted-line = {" "}= 全部债权 ÷ 非债权发行方运营的排序器所锁仓的 { $base }。
leverage-col-pool = 退出：池子
leverage-col-spot-depeg = 现价脱锚
leverage-col-depeg = 脱锚
leverage-col-twap-depeg = TWAP 脱锚
leverage-col-age = 数据时长
leverage-exit-delay = 退出等待期
leverage-exit-delay-line = ：锁仓的 { $base } 需等待 { $days }才能提取（LockingPool 退出等待期）
leverage-note = 杠杆 = Σ 各层供应量 × 以 { $base } 计的公允价值 ÷ 排序器锁仓的 { $base }；高于 1× 表示债权叠加在债权之上。变化：与 24 h 和 7 d 前存储的杠杆相比。退出：各池子在平均卖出价低于现价 1 % / 5 % 之前能承接的数量，不计手续费（V2 按储备计算；稳定币交易对按其曲线 x³y + xy³ = k；V3 和 Algebra 将区间内流动性视为单一区间，为近似值）。{ $age }
leverage-no-read = 尚未读取任何来源。
leverage-tower-age = 杠杆塔数据：最早的读取距今 { $age }（{ $source }）。
leverage-tower-age-stale = 杠杆塔数据：最早的读取距今 { $age }（{ $source }，已过期）。

# 基础由谁运营，与摘要共用。
runby-line = LST 协议 { $lst }{ $protocols }，独立排序器 { $independent }
runby-protocols = （{ $list }）
